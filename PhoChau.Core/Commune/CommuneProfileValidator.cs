using FluentValidation;

namespace PhoChau.Core.Commune;

public sealed class CommuneProfileValidator : AbstractValidator<CommuneProfile>
{
    public CommuneProfileValidator()
    {
        RuleFor(x => x.CommuneName).NotEmpty().WithMessage(_ => CoreText.Get("Commune.NameEmpty"))
            .MaximumLength(100).WithMessage(_ => CoreText.Get("Commune.NameLength"));
        RuleFor(x => x.CommitteeName).NotEmpty().WithMessage(_ => CoreText.Get("Commune.CommitteeEmpty"))
            .MaximumLength(150).WithMessage(_ => CoreText.Get("Commune.CommitteeLength"));
        RuleFor(x => x.PlaceName).NotEmpty().WithMessage(_ => CoreText.Get("Commune.PlaceEmpty"))
            .MaximumLength(100).WithMessage(_ => CoreText.Get("Commune.PlaceLength"));
        RuleFor(x => x.SuperiorBody).MaximumLength(150).WithMessage(_ => CoreText.Get("Commune.ParentLength"));
        RuleFor(x => x.ChairmanName).NotEmpty().WithMessage(_ => CoreText.Get("Commune.ChairmanEmpty"))
            .MaximumLength(100).WithMessage(_ => CoreText.Get("Commune.ChairmanLength"));
        RuleFor(x => x.ViceChairmenNames).MaximumLength(500).WithMessage(_ => CoreText.Get("Commune.ViceChairmenLength"));
        RuleFor(x => x.HallName).NotEmpty().WithMessage(_ => CoreText.Get("Commune.VenueEmpty"))
            .MaximumLength(150).WithMessage(_ => CoreText.Get("Commune.VenueLength"));
    }
}
