using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UniquePetitionCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Petitions_Code",
                table: "Petitions");

            migrationBuilder.AddColumn<string>(
                name: "FormerCode",
                table: "Petitions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            // Issue 33.3: a code repeated in a commune's year is given the next numbers of that year, in the order the
            // petitions were recorded; the first keeps it, the old code stays as FormerCode and in the search text.
            migrationBuilder.Sql("""
                WITH renumbered AS (
                    SELECT p."Id", d."Year",
                           (SELECT MAX(q."Number") FROM "Petitions" q JOIN "Dialogues" e ON e."Id" = q."DialogueId"
                            WHERE q."CommuneId" = p."CommuneId" AND e."Year" = d."Year")
                           + ROW_NUMBER() OVER (PARTITION BY p."CommuneId", d."Year" ORDER BY p."DialogueId", p."Number", p."Id") AS "Number"
                    FROM "Petitions" p JOIN "Dialogues" d ON d."Id" = p."DialogueId"
                    WHERE EXISTS (SELECT 1 FROM "Petitions" o WHERE o."CommuneId" = p."CommuneId" AND o."Code" = p."Code"
                                  AND (o."DialogueId" < p."DialogueId" OR o."DialogueId" = p."DialogueId" AND o."Id" < p."Id")))
                UPDATE "Petitions" t SET
                    "FormerCode" = t."Code",
                    "Number" = r."Number",
                    "Code" = 'KN-' || r."Year" || '-' || lpad(r."Number"::text, 3, '0'),
                    "SearchText" = lower('KN-' || r."Year" || '-' || lpad(r."Number"::text, 3, '0')) || ' ' || t."SearchText"
                FROM renumbered r WHERE t."Id" = r."Id";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Petitions_CommuneId_Code",
                table: "Petitions",
                columns: new[] { "CommuneId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Petitions_FormerCode",
                table: "Petitions",
                column: "FormerCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Petitions_CommuneId_Code",
                table: "Petitions");

            migrationBuilder.DropIndex(
                name: "IX_Petitions_FormerCode",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "FormerCode",
                table: "Petitions");

            migrationBuilder.CreateIndex(
                name: "IX_Petitions_Code",
                table: "Petitions",
                column: "Code");
        }
    }
}
