using FluentValidation;

namespace PhoChau.Core.Dialogues;

public sealed class DialogueInputValidator : AbstractValidator<DialogueInput>
{
    public DialogueInputValidator()
    {
        RuleFor(x => x.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => CoreText.Get("Dialogues.TitleEmpty"))
            .MaximumLength(300).WithMessage(_ => CoreText.Get("Dialogues.TitleLength"));
        RuleFor(x => x.PlanNumber).MaximumLength(50).WithMessage(_ => CoreText.Get("Dialogues.PlanNumberLength"));
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage(_ => CoreText.Get("Dialogues.YearRange"));
        RuleFor(x => x.Quarter).InclusiveBetween(1, 4).When(x => x.Quarter is not null).WithMessage(_ => CoreText.Get("Dialogues.QuarterRange"));
        RuleFor(x => x.SessionDate).Must((x, d) => d is null || d.Value.Year == x.Year)
            .WithMessage(_ => CoreText.Get("Dialogues.DateInPlanYear"));
        RuleFor(x => x.SessionDate).Must(d => d is null || d.Value.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .WithMessage(_ => CoreText.Get("Dialogues.DateWeekend"));
        RuleFor(x => x.Venue).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => CoreText.Get("Dialogues.VenueEmpty"))
            .MaximumLength(200).WithMessage(_ => CoreText.Get("Dialogues.VenueLength"));
        RuleFor(x => x.ChairName).MaximumLength(100).WithMessage(_ => CoreText.Get("Dialogues.ChairLength"));
        RuleFor(x => x.DelegationReference).Must(r => !string.IsNullOrWhiteSpace(r)).When(x => x.ChairIsDelegated)
            .WithMessage(_ => CoreText.Get("Dialogues.AuthorisationRequired"));
        RuleFor(x => x.DelegationReference).MaximumLength(150).WithMessage(_ => CoreText.Get("Dialogues.AuthorisationLength"));
        RuleFor(x => x.SecretaryName).MaximumLength(100).WithMessage(_ => CoreText.Get("Dialogues.SecretaryLength"));
        RuleFor(x => x.SpeakingTimeSeconds).InclusiveBetween(30, 1800).WithMessage(_ => CoreText.Get("Dialogues.SpeakingTimeRange"));
        RuleFor(x => x.Agenda).MaximumLength(4000).WithMessage(_ => CoreText.Get("Dialogues.AgendaLength"));
        RuleFor(x => x.CoOrganiserName).MaximumLength(100).WithMessage(_ => CoreText.Get("Dialogues.NameLength"));
        RuleFor(x => x.CoChairName).MaximumLength(100).WithMessage(_ => CoreText.Get("Dialogues.NameLength"));
        RuleFor(x => x.CoOrganiserTitle).MaximumLength(150).WithMessage(_ => CoreText.Get("Dialogues.TitleOfPersonLength"));
        RuleFor(x => x.CoChairTitle).MaximumLength(150).WithMessage(_ => CoreText.Get("Dialogues.TitleOfPersonLength"));
        RuleFor(x => x.Form).IsInEnum().WithMessage(_ => CoreText.Get("Dialogues.FormUnknown"));
        RuleFor(x => x.OnlineLink).Must(l => Uri.TryCreate(l?.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && l!.Length <= 500)
            .When(x => x.Form != DialogueForm.InPerson).WithMessage(_ => CoreText.Get("Dialogues.OnlineLink"));
        RuleFor(x => x.Reason).IsInEnum().WithMessage(_ => CoreText.Get("Dialogues.ReasonUnknown"));
        RuleFor(x => x.VotersRequestDate).Must(d => d is not null).When(x => x.Reason == DialogueReason.VotersRequest)
            .WithMessage(_ => CoreText.Get("Dialogues.VotersRequestDate"));
        RuleFor(x => x.VotersRequestSignatures).Must(n => n is > 0).When(x => x.Reason == DialogueReason.VotersRequest)
            .WithMessage(_ => CoreText.Get("Dialogues.VotersRequestSignatures"));
    }
}
