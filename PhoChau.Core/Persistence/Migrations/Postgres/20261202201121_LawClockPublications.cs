using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations.Postgres
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
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DialoguePublications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommuneId = table.Column<int>(type: "integer", nullable: false),
                    DialogueId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ProofFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ProofContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Proof = table.Column<byte[]>(type: "bytea", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
