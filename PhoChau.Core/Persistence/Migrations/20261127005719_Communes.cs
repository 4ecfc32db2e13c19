using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhoChau.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Communes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every existing record (and account) belongs to the commune this laptop has always served: commune 1.
            migrationBuilder.DropIndex(
                name: "IX_Villages_Name",
                table: "Villages");

            migrationBuilder.DropIndex(
                name: "IX_Departments_Name",
                table: "Departments");

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "Villages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "Speakers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "SpeakerRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "SpeakerPetitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "PetitionSupports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "Petitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "PetitionRatings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "PetitionAttachments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "Minutes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "Dialogues",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "DialogueParticipants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "DialogueDeadlines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "Departments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "ConclusionNotices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "CommuneProfiles",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "CalendarCorrections",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "AnswerTemplates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "CommuneId",
                table: "AddedHolidays",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "IX_Villages_CommuneId",
                table: "Villages",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_Villages_CommuneId_Name",
                table: "Villages",
                columns: new[] { "CommuneId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Speakers_CommuneId",
                table: "Speakers",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerRequests_CommuneId",
                table: "SpeakerRequests",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerPetitions_CommuneId",
                table: "SpeakerPetitions",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_PetitionSupports_CommuneId",
                table: "PetitionSupports",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_Petitions_CommuneId",
                table: "Petitions",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_PetitionRatings_CommuneId",
                table: "PetitionRatings",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_PetitionAttachments_CommuneId",
                table: "PetitionAttachments",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_Minutes_CommuneId",
                table: "Minutes",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_Dialogues_CommuneId",
                table: "Dialogues",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueParticipants_CommuneId",
                table: "DialogueParticipants",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueDeadlines_CommuneId",
                table: "DialogueDeadlines",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_CommuneId",
                table: "Departments",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_CommuneId_Name",
                table: "Departments",
                columns: new[] { "CommuneId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConclusionNotices_CommuneId",
                table: "ConclusionNotices",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_CommuneProfiles_Code",
                table: "CommuneProfiles",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarCorrections_CommuneId",
                table: "CalendarCorrections",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_CommuneId",
                table: "AuditEntries",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_AnswerTemplates_CommuneId",
                table: "AnswerTemplates",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_AddedHolidays_CommuneId",
                table: "AddedHolidays",
                column: "CommuneId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Villages_CommuneId",
                table: "Villages");

            migrationBuilder.DropIndex(
                name: "IX_Villages_CommuneId_Name",
                table: "Villages");

            migrationBuilder.DropIndex(
                name: "IX_Speakers_CommuneId",
                table: "Speakers");

            migrationBuilder.DropIndex(
                name: "IX_SpeakerRequests_CommuneId",
                table: "SpeakerRequests");

            migrationBuilder.DropIndex(
                name: "IX_SpeakerPetitions_CommuneId",
                table: "SpeakerPetitions");

            migrationBuilder.DropIndex(
                name: "IX_PetitionSupports_CommuneId",
                table: "PetitionSupports");

            migrationBuilder.DropIndex(
                name: "IX_Petitions_CommuneId",
                table: "Petitions");

            migrationBuilder.DropIndex(
                name: "IX_PetitionRatings_CommuneId",
                table: "PetitionRatings");

            migrationBuilder.DropIndex(
                name: "IX_PetitionAttachments_CommuneId",
                table: "PetitionAttachments");

            migrationBuilder.DropIndex(
                name: "IX_Minutes_CommuneId",
                table: "Minutes");

            migrationBuilder.DropIndex(
                name: "IX_Dialogues_CommuneId",
                table: "Dialogues");

            migrationBuilder.DropIndex(
                name: "IX_DialogueParticipants_CommuneId",
                table: "DialogueParticipants");

            migrationBuilder.DropIndex(
                name: "IX_DialogueDeadlines_CommuneId",
                table: "DialogueDeadlines");

            migrationBuilder.DropIndex(
                name: "IX_Departments_CommuneId",
                table: "Departments");

            migrationBuilder.DropIndex(
                name: "IX_Departments_CommuneId_Name",
                table: "Departments");

            migrationBuilder.DropIndex(
                name: "IX_ConclusionNotices_CommuneId",
                table: "ConclusionNotices");

            migrationBuilder.DropIndex(
                name: "IX_CommuneProfiles_Code",
                table: "CommuneProfiles");

            migrationBuilder.DropIndex(
                name: "IX_CalendarCorrections_CommuneId",
                table: "CalendarCorrections");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_CommuneId",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AnswerTemplates_CommuneId",
                table: "AnswerTemplates");

            migrationBuilder.DropIndex(
                name: "IX_AddedHolidays_CommuneId",
                table: "AddedHolidays");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "Villages");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "SpeakerRequests");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "SpeakerPetitions");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "PetitionSupports");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "PetitionRatings");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "PetitionAttachments");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "Minutes");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "Dialogues");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "DialogueParticipants");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "DialogueDeadlines");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "ConclusionNotices");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "CommuneProfiles");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "CalendarCorrections");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "AnswerTemplates");

            migrationBuilder.DropColumn(
                name: "CommuneId",
                table: "AddedHolidays");

            migrationBuilder.CreateIndex(
                name: "IX_Villages_Name",
                table: "Villages",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Name",
                table: "Departments",
                column: "Name",
                unique: true);
        }
    }
}
