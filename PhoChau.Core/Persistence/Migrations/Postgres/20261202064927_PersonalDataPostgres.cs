using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PersonalDataPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ConsentAtUtc",
                table: "SpeakerRequests",
                type: "timestamp without time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentBy",
                table: "SpeakerRequests",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentPurpose",
                table: "SpeakerRequests",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymisedAtUtc",
                table: "Petitions",
                type: "timestamp without time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConsentAtUtc",
                table: "Petitions",
                type: "timestamp without time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentBy",
                table: "Petitions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentPurpose",
                table: "Petitions",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommuneId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RequesterName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    IdCardNumber = table.Column<string>(type: "text", nullable: true),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    HandledAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    HandledBy = table.Column<string>(type: "text", nullable: true),
                    Outcome = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
