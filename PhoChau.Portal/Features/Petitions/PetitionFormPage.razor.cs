using PhoChau.Core.Text;
using Microsoft.AspNetCore.Components;
using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using MudBlazor;
using PhoChau.Core.Citizens;
using PhoChau.Portal.Features.Citizens;

namespace PhoChau.Portal.Features.Petitions;

public partial class PetitionFormPage
{
    [Inject] private ReceiptService Receipts { get; set; } = default!;
    [Inject] private ReceiptHandoff Handoff { get; set; } = default!;
    [Parameter] public int? Id { get; set; }
    [SupplyParameterFromQuery(Name = "dialogue")] public string? DialogueText { get; set; }
    private int? DialogueQuery;
    [Inject] private PetitionService Petitions { get; set; } = default!;
    [Inject] private DialogueService Dialogues { get; set; } = default!;
    [Inject] private VillageService Villages { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IStringLocalizer<PetitionsText> T { get; set; } = default!;

    [Inject] private PetitionInputValidator Validator { get; set; } = default!;
    private MudForm? _form;
    private PetitionInput _input = new();
    private bool _consentGiven;
    private IReadOnlyList<DialogueSummary> _dialogues = [];
    private IReadOnlyList<Village> _villages = [];
    private string? _receivedOn, _code;
    private int _version;

    protected override async Task OnActorReadyAsync()
    {
        if (!TryParseId(DialogueText, out DialogueQuery)) throw new NotFoundException();
        _dialogues = (await Dialogues.ListAsync()).Where(d => d.State is not (DialogueState.Closed or DialogueState.Cancelled)).ToList();
        _villages = (await Villages.ListAsync()).Where(v => v.IsActive).ToList();
        if (Id is { } id)
        {
            var details = await Petitions.GetAsync(Actor, id);
            _input = PetitionInput.From(details.Petition);
            _consentGiven = _input.Consent; // given once, kept as given
            _version = details.Petition.Version;
            _code = details.Petition.Code;
        }
        else
        {
            _input = new PetitionInput
            {
                DialogueId = DialogueQuery ?? _dialogues.FirstOrDefault()?.Id ?? 0,
                ReceivedOn = VietnamTime.Today(Clock),
                Channel = PetitionChannel.OneStopDesk,
                Field = PetitionField.AdministrativeProcedure,
            };
        }
        _receivedOn = VietnameseDates.Format(_input.ReceivedOn);
    }

    private async Task SaveAsync()
    {
        if (!await FormIsValidAsync(_form)) return;
        if (!VietnameseDates.TryParse(_receivedOn, out var received))
        {
            Refuse(nameof(PetitionInput.ReceivedOn), L["Dates.Invalid"]);
            return;
        }
        _input.ReceivedOn = received;
        Petition? saved = null;
        var ok = await RunAsync(async () =>
        {
            if (Id is { } id) await Petitions.UpdateAsync(Actor, id, _version, _input);
            else saved = await Petitions.CreateAsync(Actor, _input);
        }, inline: true);
        if (!ok) return; // the form keeps what was typed
        Snackbar.Add(string.Format(T["Petitions.Saved"], saved?.Code ?? _code), Severity.Success);
        // A new petition's first PIN is in memory only: the petition page offers to print it on the receipt now.
        if (saved?.IssuedPin is not null)
        {
            try { Handoff.Hold(await Receipts.ForNewPetitionAsync(saved)); }
            catch (Exception) { /* the petition is saved; printing its receipt later issues a new PIN */ }
        }
        Navigation.NavigateTo($"/petitions/{saved?.Id ?? Id}");
    }
}
