using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DialogueClusters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClusterName",
                table: "Dialogues",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ParentId",
                table: "Dialogues",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClusterVillages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommuneId = table.Column<int>(type: "integer", nullable: false),
                    DialogueId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClusterVillages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClusterVillages_Dialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalTable: "Dialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClusterVillages_Dialogues_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Dialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClusterVillages_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dialogues_ParentId",
                table: "Dialogues",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_ClusterVillages_CommuneId",
                table: "ClusterVillages",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_ClusterVillages_DialogueId",
                table: "ClusterVillages",
                column: "DialogueId");

            migrationBuilder.CreateIndex(
                name: "IX_ClusterVillages_ParentId_VillageId",
                table: "ClusterVillages",
                columns: new[] { "ParentId", "VillageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClusterVillages_VillageId",
                table: "ClusterVillages",
                column: "VillageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClusterVillages");

            migrationBuilder.DropIndex(
                name: "IX_Dialogues_ParentId",
                table: "Dialogues");

            migrationBuilder.DropColumn(
                name: "ClusterName",
                table: "Dialogues");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "Dialogues");
        }
    }
}
