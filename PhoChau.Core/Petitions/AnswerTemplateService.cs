using System.Globalization;

namespace PhoChau.Core.Petitions;

/// <summary>
/// Reusable answer texts (the way Zammad and Decidim give officers canned answers), per field and department. The
/// secretary and the chair keep all of them; an officer keeps the general ones' use and its own department's.
/// Picking one fills the draft from the petition (<see cref="Fill"/>); the text stays editable. Changes are audited.
/// </summary>
public sealed class AnswerTemplateService(IDbContextFactory<PhoChauDbContext> dbFactory, AnswerTemplateInputValidator validator, TimeProvider clock)
{
    /// <summary>The placeholders a template may use, with what each becomes.</summary>
    public static readonly IReadOnlyList<string> Placeholders =
        ["{ten_nguoi_kien_nghi}", "{ma_kien_nghi}", "{ngay_tiep_nhan}", "{linh_vuc}", "{bo_phan}", "{han_tra_loi}", "{ngay_hom_nay}"];

    /// <summary>Templates this user may use (active only unless <paramref name="includeInactive"/>), those of the petition's field first.</summary>
    public async Task<IReadOnlyList<AnswerTemplate>> ListAsync(Actor actor, PetitionField? field = null, bool includeInactive = false, CancellationToken ct = default)
    {
        actor.Demand(Permission.AnswerPetitions);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.AnswerTemplates.AsNoTracking();
        if (!includeInactive) q = q.Where(t => t.IsActive);
        if (!actor.Allows(Permission.ManageWorkflow)) q = q.Where(t => t.DepartmentId == null || t.DepartmentId == actor.DepartmentId);
        var list = await q.ToListAsync(ct);
        return list.OrderBy(t => field is not null && t.Field == field ? 0 : t.Field is null ? 1 : 2).ThenBy(t => t.Title, StringComparer.Create(new CultureInfo("vi-VN"), false)).ToList();
    }

    public async Task<AnswerTemplate> SaveAsync(Actor actor, AnswerTemplateInput input, CancellationToken ct = default)
    {
        actor.Demand(Permission.AnswerPetitions);
        await validator.EnsureValidAsync(input, ct);
        // An officer keeps its own department's templates; the general ones and the others' are the secretary's.
        if (!actor.Allows(Permission.ManageWorkflow) && (input.DepartmentId is null || input.DepartmentId != actor.DepartmentId))
            throw new ForbiddenException(CoreText.Get("Templates.OwnDepartment"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (input.DepartmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d && x.IsActive, ct))
            throw DomainException.ForField(nameof(input.DepartmentId), CoreText.Get("Users.DepartmentInvalid"));
        AnswerTemplate t;
        if (input.Id is { } id)
        {
            t = await db.AnswerTemplates.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(CoreText.Get("Templates.NotFound"));
            if (!actor.Allows(Permission.ManageWorkflow) && t.DepartmentId != actor.DepartmentId) throw new ForbiddenException(CoreText.Get("Templates.OwnDepartment"));
            db.ExpectVersion(t, input.Version);
        }
        else
        {
            t = new AnswerTemplate();
            db.AnswerTemplates.Add(t);
        }
        t.Title = input.Title.Trim();
        t.Field = input.Field;
        t.DepartmentId = input.DepartmentId;
        t.Body = input.Body.Trim();
        t.IsActive = input.IsActive;
        await db.SaveChangesAsync(actor, ct);
        return t;
    }

    /// <summary>The template's text with the petition's values in place of the placeholders.</summary>
    public string Fill(AnswerTemplate template, Petition petition, string? department)
    {
        var today = VietnamTime.Today(clock);
        var due = petition.State is PetitionState.NotSettled ? petition.ReplyDueDate : petition.AnswerDueDate;
        static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return template.Body
            .Replace("{ten_nguoi_kien_nghi}", petition.PetitionerName)
            .Replace("{ma_kien_nghi}", petition.Code)
            .Replace("{ngay_tiep_nhan}", Date(petition.ReceivedOn))
            .Replace("{linh_vuc}", PetitionLabels.Fields[petition.Field])
            .Replace("{bo_phan}", department ?? "")
            .Replace("{han_tra_loi}", due is { } d ? Date(d) : "")
            .Replace("{ngay_hom_nay}", Date(today));
    }
}
