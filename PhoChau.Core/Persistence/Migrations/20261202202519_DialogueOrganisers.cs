using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DialogueOrganisers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CoChairName",
                table: "Dialogues",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CoChairTitle",
                table: "Dialogues",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CoOrganiserName",
                table: "Dialogues",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CoOrganiserTitle",
                table: "Dialogues",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Form",
                table: "Dialogues",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "InPerson");

            migrationBuilder.AddColumn<string>(
                name: "OnlineLink",
                table: "Dialogues",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "Dialogues",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "YearlyPlan");

            migrationBuilder.AddColumn<DateOnly>(
                name: "VotersRequestDate",
                table: "Dialogues",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VotersRequestSignatures",
                table: "Dialogues",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "VoterCounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Voters = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoterCounts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VoterCounts_CommuneId",
                table: "VoterCounts",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_VoterCounts_CommuneId_Year",
                table: "VoterCounts",
                columns: new[] { "CommuneId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VoterCounts");

            migrationBuilder.DropColumn(
                name: "CoChairName",
                table: "Dialogues");

            migrationBuilder.DropColumn(
                name: "CoChairTitle",
                table: "Dialogues");

            migrationBuilder.DropColumn(
                name: "CoOrganiserName",
                table: "Dialogues");

            migrationBuilder.DropColumn(
                name: "CoOrganiserTitle",
                table: "Dialogues");

            migrationBuilder.DropColumn(
                name: "Form",
                table: "Dialogues");

            migrationBuilder.DropColumn(
                name: "OnlineLink",
                table: "Dialogues");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "Dialogues");

            migrationBuilder.DropColumn(
                name: "VotersRequestDate",
                table: "Dialogues");

            migrationBuilder.DropColumn(
                name: "VotersRequestSignatures",
                table: "Dialogues");
        }
    }
}
