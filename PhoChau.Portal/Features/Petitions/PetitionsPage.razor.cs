using Microsoft.AspNetCore.Components;
using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using MudBlazor;

namespace PhoChau.Portal.Features.Petitions;

public partial class PetitionsPage
{
    [SupplyParameterFromQuery(Name = "dialogue")] public string? DialogueText { get; set; }
    /// <summary>?tu=31&amp;den=60: the petitions one import saved (the import page links here).</summary>
    [SupplyParameterFromQuery(Name = "tu")] public string? FromText { get; set; }
    /// <summary>"?qua-han=1": only what is overdue (the link of the daily digest).</summary>
    [SupplyParameterFromQuery(Name = "qua-han")] public string? OverdueText { get; set; }
    [SupplyParameterFromQuery(Name = "den")] public string? ToText { get; set; }
    private int? DialogueQuery, _numberFrom, _numberTo;
    [Inject] private PetitionQuery Query { get; set; } = default!;
    [Inject] private DialogueService Dialogues { get; set; } = default!;
    [Inject] private DepartmentService Departments { get; set; } = default!;
    [Inject] private VillageService Villages { get; set; } = default!;
    [Inject] private IStringLocalizer<PetitionsText> T { get; set; } = default!;

    private PetitionGrid? _grid;
    private IReadOnlyList<DialogueSummary> _dialogues = [];
    private IReadOnlyList<Department> _departments = [];
    private IReadOnlyList<Village> _villages = [];
    private string? _search;
    private int? _dialogueId, _departmentId, _villageId;
    private PetitionState? _state;
    private PetitionField? _field;
    private PetitionSort _sort = PetitionSort.ReceivedOn;
    private bool _overdue, _isOfficer, _canAssign;
    private HashSet<PetitionRow> _selected = [];
    private int? _bulkDepartment;
    [Inject] private PetitionService Petitions { get; set; } = default!;

    private string NewLink => _dialogueId is { } d ? $"/petitions/new?dialogue={d}" : "/petitions/new";

    protected override async Task OnActorReadyAsync()
    {
        if (!TryParseId(DialogueText, out DialogueQuery) || !TryParseId(FromText, out _numberFrom) || !TryParseId(ToText, out _numberTo))
            throw new NotFoundException();
        _isOfficer = Actor.IsIn(Roles.DepartmentOfficer) && !Actor.Allows(Permission.ManageWorkflow);
        _canAssign = Actor.Allows(Permission.Chair);
        _dialogueId = DialogueQuery;
        _overdue = OverdueText is "1" or "true";
        _dialogues = await Dialogues.ListAsync();
        _departments = (await Departments.ListAsync()).Where(d => d.Kind == UnitKind.Department).ToList();
        _villages = await Villages.ListAsync();
    }

    private PetitionFilter Filter(int skip, int take) => new()
    {
        DialogueId = _dialogueId, State = _state, DepartmentId = _isOfficer ? null : _departmentId, VillageId = _villageId,
        Field = _field, OverdueOnly = _overdue, Search = _search, Sort = _sort, Skip = skip, Take = take,
        NumberFrom = _numberFrom, NumberTo = _numberTo,
    };

    private Task<PetitionListPage> LoadAsync(int skip, int take) => Query.FindAsync(Actor, Filter(skip, take));

    private Task SearchChanged(string? value) => FilterAsync(() => _search = value);

    /// <summary>Ticked petitions another department answers, found on the first try: the user says whether they move.</summary>
    private AssignedElsewhereException? _elsewhere;

    private async Task AssignSelectedAsync() => await AssignAsync(_selected.Select(r => r.Id).ToList(), moveAssigned: false);

    private Task MoveThemTooAsync() => AssignAsync(_selected.Select(r => r.Id).ToList(), moveAssigned: true);

    private Task OnlyUnassignedAsync()
    {
        var skip = _elsewhere!.Petitions.Select(p => p.Id).ToHashSet();
        return AssignAsync(_selected.Select(r => r.Id).Where(id => !skip.Contains(id)).ToList(), moveAssigned: false);
    }

    private async Task AssignAsync(List<int> ids, bool moveAssigned)
    {
        _elsewhere = null;
        var count = 0;
        try
        {
            if (ids.Count > 0) count = await Petitions.AssignManyAsync(Actor, ids, _bulkDepartment!.Value, moveAssigned);
        }
        catch (AssignedElsewhereException ex)
        {
            _elsewhere = ex; // asked on the page, beside the button: nothing was changed
            return;
        }
        catch (Exception ex) when (ex is DomainException or ForbiddenException or NotFoundException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
            return;
        }
        Snackbar.Add(string.Format(T["Petitions.AssignedMany"], count), Severity.Success);
        if (_grid is not null)
        {
            await _grid.ClearSelectionAsync();
            await _grid.ReloadAsync();
        }
    }

    private async Task FilterAsync(Action set)
    {
        set();
        if (_grid is not null) await _grid.ReloadAsync();
    }
}
