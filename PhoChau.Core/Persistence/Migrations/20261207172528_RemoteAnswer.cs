using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RemoteAnswer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AnsweredAtUtc",
                table: "Speakers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NoAnswer",
                table: "Speakers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN (not a table rebuild): the table's SQL is then exactly the previous release's.
            migrationBuilder.Sql("ALTER TABLE \"Speakers\" DROP COLUMN \"AnsweredAtUtc\";");
            migrationBuilder.Sql("ALTER TABLE \"Speakers\" DROP COLUMN \"NoAnswer\";");
        }
    }
}
