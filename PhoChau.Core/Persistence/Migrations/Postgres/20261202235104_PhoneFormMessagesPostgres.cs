using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PhoneFormMessagesPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "SpeakerRequests",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NotifyByEmail",
                table: "SpeakerRequests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NotifyBySms",
                table: "SpeakerRequests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NotifyByZalo",
                table: "SpeakerRequests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PetitionId",
                table: "SpeakerRequests",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Email",
                table: "SpeakerRequests");

            migrationBuilder.DropColumn(
                name: "NotifyByEmail",
                table: "SpeakerRequests");

            migrationBuilder.DropColumn(
                name: "NotifyBySms",
                table: "SpeakerRequests");

            migrationBuilder.DropColumn(
                name: "NotifyByZalo",
                table: "SpeakerRequests");

            migrationBuilder.DropColumn(
                name: "PetitionId",
                table: "SpeakerRequests");
        }
    }
}
