namespace PhoChau.Core.Security;

public enum Permission
{
    /// <summary>Users, departments, villages, commune profile, calendar corrections.</summary>
    ManageAdministration,
    ReadAuditTrail,
    /// <summary>Create and change dialogues, petitions, speakers (the secretary's and the chair's work).</summary>
    ManageWorkflow,
    /// <summary>Draft answers and replies for one's own department.</summary>
    AnswerPetitions,
    /// <summary>Approve answers, assign departments, chair the session.</summary>
    Chair,
    SeePersonalData,
    /// <summary>Create communes and their first administrator (a province).</summary>
    ManageProvince,
    /// <summary>Read every commune's figures (a province); never a citizen's data.</summary>
    ReadProvinceFigures,
}
