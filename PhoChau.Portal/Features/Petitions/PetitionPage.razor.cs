using Microsoft.AspNetCore.Components;
using PhoChau.Core.Departments;
using PhoChau.Core.Messages;
using PhoChau.Core.Petitions;
using MudBlazor;

namespace PhoChau.Portal.Features.Petitions;

/// <summary>One petition and the next step of its work, as the user's role allows.</summary>
public partial class PetitionPage
{
    [Parameter] public int Id { get; set; }
    [Inject] private PetitionService Petitions { get; set; } = default!;
    [Inject] private PetitionQuery Query { get; set; } = default!;
    [Inject] private OutboxService Outbox { get; set; } = default!;
    [Inject] private DepartmentService Departments { get; set; } = default!;
    [Inject] private IStringLocalizer<PetitionsText> T { get; set; } = default!;

    private PetitionDetails? _details;
    private IReadOnlyList<UndeliveredMessage> _undelivered = [];
    private Petition? _p;
    private IReadOnlyList<Department> _departments = [];
    private int? _leadId;
    private IReadOnlyCollection<int> _supportIds = [];
    private string? _answer, _returnComment, _mergeCode;
    private bool _canManage, _canChair, _isLeadOfficer, _freshReceipt;

    private bool CanAnswer => _p is not null && (_isLeadOfficer || _canChair)
        && _p.State is PetitionState.Assigned or PetitionState.AnswerDrafted;

    protected override async Task OnActorReadyAsync()
    {
        _canManage = Actor.Allows(Permission.ManageWorkflow);
        _canChair = Actor.Allows(Permission.Chair);
        _departments = (await Departments.ListAsync()).Where(d => d.Kind == UnitKind.Department).ToList();
        await Petitions.GetAsync(Actor, Id); // a missing petition, or another department's, is a 404 (PortalComponentBase)
        _freshReceipt = Handoff.Holds(Id);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            _details = await Petitions.GetAsync(Actor, Id);
            _undelivered = await Outbox.UndeliveredAsync(_details);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
            return;
        }
        _p = _details.Petition;
        _leadId = _p.LeadDepartmentId;
        _supportIds = _details.SupportingDepartmentIds;
        _answer = _p.Answer;
        _isLeadOfficer = Actor.IsIn(Roles.DepartmentOfficer) && Actor.DepartmentId == _p.LeadDepartmentId;
    }

    /// <summary>After a refused change (someone else saved first), the page shows the current state; typed text is kept.</summary>
    private async Task ActAsync(Func<Task> action)
    {
        var typedAnswer = _answer;
        if (!await RunAndReloadAsync(action, ReloadAsync))
        {
            await ReloadAsync();
            _answer = typedAnswer;
        }
    }

    private Task AssignAsync()
    {
        if (_leadId is not { } lead)
        {
            Snackbar.Add(L["Petitions.NoLeadChosen"], Severity.Warning);
            return Task.CompletedTask;
        }
        return ActAsync(() => Petitions.AssignAsync(Actor, Id, _p!.Version, lead, _supportIds.ToList()));
    }

    private Task SubmitAnswerAsync() => ActAsync(() => Petitions.SubmitAnswerAsync(Actor, Id, _p!.Version, _answer));

    private Task ApproveAsync() => ActAsync(() => Petitions.ApproveAnswerAsync(Actor, Id, _p!.Version));

    private Task ReturnAsync() => ActAsync(() => Petitions.ReturnAnswerAsync(Actor, Id, _p!.Version, _returnComment));

    private Task WithdrawAsync() => ActAsync(() => Petitions.WithdrawAsync(Actor, Id, _p!.Version));

    private Task MergeAsync() => ActAsync(async () =>
    {
        var code = _mergeCode?.Trim() ?? "";
        var match = (await Query.FindAsync(Actor, new PetitionFilter { DialogueId = _p!.DialogueId, Search = code, Take = 5 }))
            .Rows.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase))
            ?? throw DomainException.ForField(PetitionService.MergeIntoField, string.Format(T["Petitions.MergeCodeNotFound"], code));
        await Petitions.MergeAsync(Actor, Id, _p.Version, match.Id);
    });
}
