using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LiveAudience : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LiveAudiences",
                columns: table => new
                {
                    DialogueId = table.Column<int>(type: "integer", nullable: false),
                    CommuneId = table.Column<int>(type: "integer", nullable: false),
                    PeakViewers = table.Column<int>(type: "integer", nullable: false),
                    PeakViewersAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    PeakListeners = table.Column<int>(type: "integer", nullable: false),
                    PeakListenersAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveAudiences", x => x.DialogueId);
                    table.ForeignKey(
                        name: "FK_LiveAudiences_Dialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalTable: "Dialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LiveAudiences_CommuneId",
                table: "LiveAudiences",
                column: "CommuneId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiveAudiences");
        }
    }
}
