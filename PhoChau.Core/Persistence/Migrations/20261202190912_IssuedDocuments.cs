using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IssuedDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IssuedDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: false),
                    DialogueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NumberAndSymbol = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PreparedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Signers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SigningNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SupersededAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SupersededByVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    PluginTicket = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PluginTicketExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignaturePage = table.Column<int>(type: "INTEGER", nullable: false),
                    SignatureX = table.Column<double>(type: "REAL", nullable: false),
                    SignatureY = table.Column<double>(type: "REAL", nullable: false),
                    SignatureWidth = table.Column<double>(type: "REAL", nullable: false),
                    SignatureHeight = table.Column<double>(type: "REAL", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuedDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuedDocuments_Dialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalTable: "Dialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SignatureArts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Png = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Millimetres = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignatureArts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_Code",
                table: "IssuedDocuments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_CommuneId",
                table: "IssuedDocuments",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_DialogueId_Kind_VersionNumber",
                table: "IssuedDocuments",
                columns: new[] { "DialogueId", "Kind", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_PluginTicket",
                table: "IssuedDocuments",
                column: "PluginTicket",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignatureArts_CommuneId",
                table: "SignatureArts",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_SignatureArts_CommuneId_Kind",
                table: "SignatureArts",
                columns: new[] { "CommuneId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IssuedDocuments");

            migrationBuilder.DropTable(
                name: "SignatureArts");
        }
    }
}
