using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LiveNaming : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NamedPublicly",
                table: "Speakers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NamedPublicly",
                table: "SpeakerRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN (not a table rebuild): the table's SQL is then exactly the previous release's.
            migrationBuilder.Sql("ALTER TABLE \"Speakers\" DROP COLUMN \"NamedPublicly\";");
            migrationBuilder.Sql("ALTER TABLE \"SpeakerRequests\" DROP COLUMN \"NamedPublicly\";");
        }
    }
}
