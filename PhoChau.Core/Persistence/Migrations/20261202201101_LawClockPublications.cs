using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LawClockPublications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AnnouncedOn",
                table: "Dialogues",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DialoguePublications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: false),
                    DialogueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ProofFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ProofContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Proof = table.Column<byte[]>(type: "BLOB", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialoguePublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialoguePublications_Dialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalTable: "Dialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DialoguePublications_CommuneId",
                table: "DialoguePublications",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_DialoguePublications_DialogueId_Channel",
                table: "DialoguePublications",
                columns: new[] { "DialogueId", "Channel" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DialoguePublications");

            migrationBuilder.DropColumn(
                name: "AnnouncedOn",
                table: "Dialogues");
        }
    }
}
