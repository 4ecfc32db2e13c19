using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations.Postgres
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
                type: "timestamp without time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NoAnswer",
                table: "Speakers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnsweredAtUtc",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "NoAnswer",
                table: "Speakers");
        }
    }
}
