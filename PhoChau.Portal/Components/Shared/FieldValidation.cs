using FluentValidation;

namespace PhoChau.Portal.Components.Shared;

/// <summary>
/// A Core validator (FluentValidation, beside its model) as MudForm's field validation: each field is checked with the
/// rules of its own property, and the reason shows under that field, not only in a pop-up.
/// </summary>
public static class FieldValidation
{
    public static Func<object, string, Task<IEnumerable<string>>> For<T>(IValidator<T> validator) => async (model, property) =>
    {
        var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(property)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };
}
