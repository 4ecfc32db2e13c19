using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VillageTyped : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "VillageTyped",
                table: "Petitions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // A village typed in the hall before this version went to the petition's address (and was counted as
            // "không rõ thôn"): it is the village as typed (issue 33.6).
            migrationBuilder.Sql("""
                UPDATE "Petitions" SET "VillageTyped" = "Address"
                WHERE "Channel" = 'AtSession' AND "VillageId" IS NULL AND "Address" IS NOT NULL AND length("Address") BETWEEN 1 AND 100;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VillageTyped",
                table: "Petitions");
        }
    }
}
