using ClosedXML.Excel;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;
using PhoChau.Core.Documents;
using System.Globalization;
using System.IO.Compression;

namespace PhoChau.Core.Province;

/// <summary>
/// A province over many communes: the province administrator creates communes and their first administrator; the
/// province viewer reads every commune's figures (counts only, never a citizen's data) and exports them, and
/// downloads a commune's evidence packs of a year (the documents the commune issues to it, as issued). The one
/// place that reads across communes (<c>IgnoreQueryFilters</c>); everything else sees the signed-in user's commune.
/// </summary>
public sealed class ProvinceService(
    IDbContextFactory<PhoChauDbContext> dbFactory, IServiceScopeFactory scopes, CommuneInputValidator validator, TimeProvider clock)
{
    public async Task<IReadOnlyList<CommuneSummary>> ListCommunesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(Permission.ReadProvinceFigures);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communes = await db.CommuneProfiles.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var accounts = await db.Users.Where(u => u.CommuneId != null).GroupBy(u => u.CommuneId!.Value).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var dialogues = await db.Dialogues.IgnoreQueryFilters().GroupBy(d => d.CommuneId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var petitions = await db.Petitions.IgnoreQueryFilters().GroupBy(p => p.CommuneId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return communes.Select(c => new CommuneSummary(c.Id, c.Code, c.CommuneName, c.CommitteeName,
            accounts.GetValueOrDefault(c.Id), dialogues.GetValueOrDefault(c.Id), petitions.GetValueOrDefault(c.Id))).ToList();
    }

    /// <summary>A new commune: its profile, the plan's departments, and its first administrator (all checked first).</summary>
    public async Task<int> CreateCommuneAsync(Actor actor, CommuneInput input, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageProvince);
        await validator.EnsureValidAsync(input, ct);
        int id;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var all = db.CommuneProfiles.IgnoreQueryFilters();
            if (await all.AnyAsync(c => c.Code == input.Code, ct)) throw DomainException.ForField(nameof(input.Code), CoreText.Format("Province.CodeTaken", input.Code));
            id = (await all.MaxAsync(c => (int?)c.Id, ct) ?? 0) + 1;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(input.AdminUserName) is not null)
            throw DomainException.ForField(nameof(input.AdminUserName), CoreText.Format("Province.UserTaken", input.AdminUserName));

        // The password is checked before anything is saved, so a refused one leaves no commune behind.
        foreach (var rule in users.PasswordValidators)
            if (await rule.ValidateAsync(users, new AppUser { UserName = input.AdminUserName }, input.AdminPassword) is { Succeeded: false } bad)
                throw DomainException.ForField(nameof(input.AdminPassword), string.Join(" ", bad.Errors.Select(e => e.Description)));

        using (CommuneScope.Enter(id))
        {
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                await DatabaseInitializer.SeedCommuneAsync(db, new CommuneProfile
            {
                Id = id, Code = input.Code, CommuneName = input.CommuneName.Trim(), CommitteeName = input.CommitteeName.Trim(),
                PlaceName = input.PlaceName.Trim(), SuperiorBody = input.SuperiorBody.Trim(), ChairmanName = input.ChairmanName.Trim(),
                ViceChairmenNames = "", HallName = "Hội trường " + input.CommitteeName.Trim(),
                }, ct);
            var admin = new AppUser { UserName = input.AdminUserName, FullName = input.AdminFullName.Trim(), CommuneId = id };
            var created = await users.CreateAsync(admin, input.AdminPassword);
            if (!created.Succeeded) throw new DomainException(string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(admin, Roles.Administrator);
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) CommuneScope.MarkSeveral(db.DatabaseKey);
        return id;
    }

    /// <summary>Every commune's figures for a year, by commune and by field.</summary>
    public async Task<ProvinceFigures> FiguresAsync(Actor actor, int year, CancellationToken ct = default)
    {
        actor.Demand(Permission.ReadProvinceFigures);
        if (year is < 2000 or > 2100) throw new DomainException(CoreText.Get("Province.YearInvalid"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communes = await db.CommuneProfiles.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.CommuneName).Select(c => new { c.Id, c.CommuneName }).ToListAsync(ct);
        var held = await db.Dialogues.IgnoreQueryFilters()
            .Where(d => d.Year == year && d.ParentId == null && (d.State == DialogueState.Concluded || d.State == DialogueState.Closed))
            .Select(d => new { d.CommuneId, d.Quarter, d.SessionDate }).ToListAsync(ct);
        // Only what the counts need: no name, phone, address or text leaves the query.
        var petitions = await db.Petitions.IgnoreQueryFilters()
            .Where(p => p.State != PetitionState.Withdrawn && p.State != PetitionState.Merged)
            .Join(db.Dialogues.IgnoreQueryFilters().Where(d => d.Year == year), p => p.DialogueId, d => d.Id, (p, d) => new
            {
                p.CommuneId, p.Field, p.State,
                // The fields FollowUpFigures counts, and nothing else (the answer stands in as a mark).
                Counted = new Petition { SessionAnswer = p.SessionAnswer != null ? "x" : null, ReplySentOn = p.ReplySentOn, ReplyDueDate = p.ReplyDueDate },
            }).ToListAsync(ct);
        foreach (var p in petitions) p.Counted.CopyStored(p.State);
        var today = VietnamTime.Today(clock);
        FollowUpFigures Figures(Func<int, PetitionField, bool> which) =>
            FollowUpFigures.Of(petitions.Where(p => which(p.CommuneId, p.Field)).Select(p => p.Counted).ToList(), today);

        var byCommune = communes.Select(c =>
        {
            var quarters = new int[4];
            foreach (var d in held.Where(d => d.CommuneId == c.Id))
            {
                var q = d.Quarter ?? (d.SessionDate is { } date ? (date.Month - 1) / 3 + 1 : 0);
                if (q is >= 1 and <= 4) quarters[q - 1]++;
            }
            var f = Figures((commune, _) => commune == c.Id);
            return new CommuneFigures(c.Id, c.CommuneName, quarters, f.Assigned, f.SettledAtSession, f.RepliedOnTime, f.RepliedLate, f.Overdue, f.Pending);
        }).ToList();
        var byField = PetitionLabels.Fields.Select(l =>
        {
            var f = Figures((_, field) => field == l.Key);
            return new FieldFigures(l.Value, f.Assigned, f.SettledAtSession, f.RepliedOnTime, f.RepliedLate, f.Overdue);
        }).ToList();
        return new ProvinceFigures(year, byCommune, byField);
    }

    public static string PackFileName(string communeCode, int year) => $"ho-so-minh-chung-{communeCode}-{year}.zip";

    /// <summary>
    /// One commune's evidence for a year, for the province's administrative-reform assessment: a folder per dialogue of
    /// that year (not cancelled), each the pack the commune downloads itself (<see cref="EvidencePackService"/>: its
    /// documents as issued, the proofs of publication, the index of petitions without personal data). Read inside the
    /// commune, as its own staff would read it; returns the file's name.
    /// </summary>
    public async Task<string> WritePackAsync(Actor actor, int communeId, int year, Stream output, CancellationToken ct = default)
    {
        actor.Demand(Permission.ReadProvinceFigures);
        if (year is < 2000 or > 2100) throw new DomainException(CoreText.Get("Province.YearInvalid"));
        string code, name;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var commune = await db.CommuneProfiles.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == communeId)
                .Select(c => new { c.Code, c.CommuneName }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException(CoreText.Get("Province.CommuneNotFound"));
            (code, name) = (commune.Code ?? communeId.ToString(CultureInfo.InvariantCulture), commune.CommuneName);
        }
        using var inCommune = CommuneScope.Enter(communeId);
        List<int> dialogues;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            dialogues = await db.Dialogues.AsNoTracking()
                // Held: the session was opened (a planned or announced dialogue has no minutes, no notice, nothing to assess).
                .Where(d => d.Year == year && d.ParentId == null
                            && (d.State == DialogueState.InSession || d.State == DialogueState.Concluded || d.State == DialogueState.Closed))
                .OrderBy(d => d.SessionDate).ThenBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
        if (dialogues.Count == 0) throw new NotFoundException(CoreText.Format("Province.NoDialogues", name, year));
        await using var scope = scopes.CreateAsyncScope();
        var packs = scope.ServiceProvider.GetRequiredService<EvidencePackService>();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var id in dialogues) await packs.WriteIntoAsync(actor, id, zip, $"doi-thoai-{id}/", ct);
        return PackFileName(code, year);
    }

    /// <summary>The figures as an Excel file for the Department of Home Affairs: one sheet by commune, one by field.</summary>
    public static void WriteXlsx(ProvinceFigures figures, Stream output)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Theo xã");
        string[] headers = ["Xã", "Quý I", "Quý II", "Quý III", "Quý IV", "Số buổi đối thoại", "Kiến nghị tiếp nhận", "Giải quyết tại buổi",
                            "Trả lời đúng hạn", "Trả lời trễ hạn", "Quá hạn chưa trả lời", "Đang trong hạn"];
        ws.Cell(1, 1).SetValue($"Số liệu đối thoại về cải cách hành chính năm {figures.Year}");
        ws.Cell(1, 1).Style.Font.Bold = true;
        for (var c = 0; c < headers.Length; c++) ws.Cell(3, c + 1).SetValue(headers[c]);
        var row = 4;
        foreach (var f in figures.Communes)
        {
            ws.Cell(row, 1).SetValue(f.Commune);
            for (var q = 0; q < 4; q++) ws.Cell(row, 2 + q).SetValue(f.DialoguesByQuarter[q]);
            int[] values = [f.DialoguesHeld, f.Received, f.SettledAtSession, f.RepliedOnTime, f.RepliedLate, f.Overdue, f.Pending];
            for (var i = 0; i < values.Length; i++) ws.Cell(row, 6 + i).SetValue(values[i]);
            row++;
        }
        ws.Range(3, 1, 3, headers.Length).Style.Font.Bold = true;
        ws.SheetView.FreezeRows(3);
        // Widths set, not measured: ClosedXML measures text with System.Drawing, which Linux lacks.
        ws.Column(1).Width = 28;
        ws.Columns(2, headers.Length).Width = 14;

        var wf = wb.AddWorksheet("Theo lĩnh vực");
        string[] fieldHeaders = ["Lĩnh vực", "Kiến nghị tiếp nhận", "Giải quyết tại buổi", "Trả lời đúng hạn", "Trả lời trễ hạn", "Quá hạn chưa trả lời"];
        for (var c = 0; c < fieldHeaders.Length; c++) wf.Cell(1, c + 1).SetValue(fieldHeaders[c]);
        row = 2;
        foreach (var f in figures.Fields)
        {
            wf.Cell(row, 1).SetValue(f.Field);
            int[] values = [f.Received, f.SettledAtSession, f.RepliedOnTime, f.RepliedLate, f.Overdue];
            for (var i = 0; i < values.Length; i++) wf.Cell(row, 2 + i).SetValue(values[i]);
            row++;
        }
        wf.Range(1, 1, 1, fieldHeaders.Length).Style.Font.Bold = true;
        wf.Column(1).Width = 36;
        wf.Columns(2, fieldHeaders.Length).Width = 16;
        foreach (var sheet in wb.Worksheets) XlsxReportWriter.PrintA4Landscape(sheet);
        wb.SaveAs(output);
    }
}
