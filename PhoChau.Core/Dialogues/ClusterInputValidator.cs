using FluentValidation;

namespace PhoChau.Core.Dialogues;

public sealed class ClusterInputValidator : AbstractValidator<ClusterInput>
{
    public ClusterInputValidator()
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => CoreText.Get("Clusters.NameEmpty"))
            .MaximumLength(100).WithMessage(_ => CoreText.Get("Clusters.NameLength"));
        RuleFor(x => x.VillageIds).Must(v => v is { Count: > 0 }).WithMessage(_ => CoreText.Get("Clusters.NoVillage"));
        RuleFor(x => x.Venue).MaximumLength(200).WithMessage(_ => CoreText.Get("Dialogues.VenueLength"));
    }
}
