using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ConsentAtUtc",
                table: "SpeakerRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentBy",
                table: "SpeakerRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentPurpose",
                table: "SpeakerRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymisedAtUtc",
                table: "Petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConsentAtUtc",
                table: "Petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentBy",
                table: "Petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentPurpose",
                table: "Petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    IdCardNumber = table.Column<string>(type: "TEXT", nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    HandledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataRequests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DataRequests_CommuneId",
                table: "DataRequests",
                column: "CommuneId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataRequests");

            migrationBuilder.DropColumn(
                name: "ConsentAtUtc",
                table: "SpeakerRequests");

            migrationBuilder.DropColumn(
                name: "ConsentBy",
                table: "SpeakerRequests");

            migrationBuilder.DropColumn(
                name: "ConsentPurpose",
                table: "SpeakerRequests");

            migrationBuilder.DropColumn(
                name: "AnonymisedAtUtc",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "ConsentAtUtc",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "ConsentBy",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "ConsentPurpose",
                table: "Petitions");
        }
    }
}
