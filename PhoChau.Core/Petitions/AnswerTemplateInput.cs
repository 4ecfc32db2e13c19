namespace PhoChau.Core.Petitions;

public sealed class AnswerTemplateInput
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public string Title { get; set; } = "";
    public PetitionField? Field { get; set; }
    public int? DepartmentId { get; set; }
    public string Body { get; set; } = "";
    public bool IsActive { get; set; } = true;

    public static AnswerTemplateInput From(AnswerTemplate t) => new()
    {
        Id = t.Id, Version = t.Version, Title = t.Title, Field = t.Field, DepartmentId = t.DepartmentId, Body = t.Body, IsActive = t.IsActive,
    };
}
