using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommuneId = table.Column<int>(type: "integer", nullable: false),
                    DialogueId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NumberAndSymbol = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PreparedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    PreparedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Signers = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    SigningNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SupersededAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    SupersededByVersion = table.Column<int>(type: "integer", nullable: true),
                    PluginTicket = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PluginTicketExpiresUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    SignaturePage = table.Column<int>(type: "integer", nullable: false),
                    SignatureX = table.Column<double>(type: "double precision", nullable: false),
                    SignatureY = table.Column<double>(type: "double precision", nullable: false),
                    SignatureWidth = table.Column<double>(type: "double precision", nullable: false),
                    SignatureHeight = table.Column<double>(type: "double precision", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommuneId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Png = table.Column<byte[]>(type: "bytea", nullable: false),
                    Millimetres = table.Column<int>(type: "integer", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
