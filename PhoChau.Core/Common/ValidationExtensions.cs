using FluentValidation;

namespace PhoChau.Core.Common;

public static class ValidationExtensions
{
    /// <summary>Validates and throws a <see cref="DomainException"/> naming each refused field and why.</summary>
    public static async Task EnsureValidAsync<T>(this IValidator<T> validator, T model, CancellationToken ct = default)
    {
        var result = await validator.ValidateAsync(model, ct);
        if (!result.IsValid)
            throw new DomainException(result.Errors.Select(e => new FieldRefusal(e.PropertyName, e.ErrorMessage)).ToList());
    }
}
