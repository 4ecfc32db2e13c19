using FluentValidation;

namespace PhoChau.Core.Common;

public static class ValidationExtensions
{
    /// <summary>Validates and throws a <see cref="DomainException"/> carrying every message, one a line.</summary>
    public static async Task EnsureValidAsync<T>(this IValidator<T> validator, T model, CancellationToken ct = default)
    {
        var result = await validator.ValidateAsync(model, ct);
        if (!result.IsValid)
            throw new DomainException(string.Join(Environment.NewLine, result.Errors.Select(e => e.ErrorMessage).Distinct()));
    }
}
