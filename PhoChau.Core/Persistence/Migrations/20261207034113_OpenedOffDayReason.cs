using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OpenedOffDayReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OpenedOffDayReason",
                table: "Dialogues",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN (3.35+), not a table rebuild: the table's SQL in sqlite_master is then exactly the
            // previous release's, which a restore's schema check compares.
            migrationBuilder.Sql("ALTER TABLE \"Dialogues\" DROP COLUMN \"OpenedOffDayReason\";");
        }
    }
}
