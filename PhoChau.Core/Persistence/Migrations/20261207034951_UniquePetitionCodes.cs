using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations
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
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            // Issue 33.3: a code repeated in a commune's year (two dialogues, or a dialogue and a cluster session, each with
            // a KN-2026-001) is given the next numbers of that year, in the order the petitions were recorded; the first
            // keeps it. The old code stays as FormerCode (the receipt's PIN was issued on it) and in the search text.
            migrationBuilder.Sql("""
                CREATE TEMP TABLE "__Renumbered" AS
                SELECT p."Id" AS "Id", d."Year" AS "Year",
                       (SELECT MAX(q."Number") FROM "Petitions" q JOIN "Dialogues" e ON e."Id" = q."DialogueId"
                        WHERE q."CommuneId" = p."CommuneId" AND e."Year" = d."Year")
                       + ROW_NUMBER() OVER (PARTITION BY p."CommuneId", d."Year" ORDER BY p."DialogueId", p."Number", p."Id") AS "Number"
                FROM "Petitions" p JOIN "Dialogues" d ON d."Id" = p."DialogueId"
                WHERE EXISTS (SELECT 1 FROM "Petitions" o WHERE o."CommuneId" = p."CommuneId" AND o."Code" = p."Code"
                              AND (o."DialogueId" < p."DialogueId" OR o."DialogueId" = p."DialogueId" AND o."Id" < p."Id"));
                UPDATE "Petitions" SET
                    "FormerCode" = "Code",
                    "Number" = (SELECT r."Number" FROM "__Renumbered" r WHERE r."Id" = "Petitions"."Id"),
                    "Code" = (SELECT 'KN-' || r."Year" || '-' || printf('%03d', r."Number") FROM "__Renumbered" r WHERE r."Id" = "Petitions"."Id"),
                    "SearchText" = (SELECT lower('KN-' || r."Year" || '-' || printf('%03d', r."Number")) FROM "__Renumbered" r WHERE r."Id" = "Petitions"."Id") || ' ' || "SearchText"
                WHERE "Id" IN (SELECT "Id" FROM "__Renumbered");
                DROP TABLE "__Renumbered";
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

            // SQLite's own DROP COLUMN (not a table rebuild): the table's SQL is then exactly the previous release's.
            migrationBuilder.Sql("ALTER TABLE \"Petitions\" DROP COLUMN \"FormerCode\";");

            migrationBuilder.CreateIndex(
                name: "IX_Petitions_Code",
                table: "Petitions",
                column: "Code");
        }
    }
}
