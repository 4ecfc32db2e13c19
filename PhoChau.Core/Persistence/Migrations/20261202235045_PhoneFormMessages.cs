using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PhoneFormMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "SpeakerRequests",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NotifyByEmail",
                table: "SpeakerRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NotifyBySms",
                table: "SpeakerRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NotifyByZalo",
                table: "SpeakerRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PetitionId",
                table: "SpeakerRequests",
                type: "INTEGER",
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
