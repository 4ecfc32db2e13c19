using Microsoft.AspNetCore.Components;
using MudBlazor;
using System.Globalization;

namespace PhoChau.Portal.Components.Shared;

/// <summary>
/// What every page does around a service call: find who acts, run it, and when it fails for any reason (a refused
/// rule, a full disk, a locked database, a bug) say why on the screen, keep what the operator typed and keep the
/// circuit alive, so the same action works again once the fault is cleared, without F5.
/// </summary>
public abstract class PortalComponentBase : ComponentBase
{
    [Inject] protected CurrentActor CurrentActor { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private ILoggerFactory Logs { get; set; } = default!;

    protected Actor Actor { get; private set; } = new("", "", new HashSet<string>());

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Actor = await CurrentActor.GetAsync();
        try
        {
            await OnActorReadyAsync();
        }
        catch (DomainException ex) when (ex is NotFoundException or ForbiddenException)
        {
            // An address naming something that does not exist, or that this user may not see: the 404 page
            // (status 404 when rendered on the server), never a 500 and never a hint that it exists.
            Navigation.NotFound();
        }
    }

    /// <summary>
    /// An id from the query string: absent is fine (null); anything but a positive whole number is a bad address.
    /// </summary>
    protected static bool TryParseId(string? text, out int? id)
    {
        id = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0) return false;
        id = value;
        return true;
    }

    protected virtual Task OnActorReadyAsync() => Task.CompletedTask;

    /// <summary>
    /// Runs the operation, then reloads the page's data and re-renders: a child's plain callback does not
    /// re-render the page by itself.
    /// </summary>
    protected async Task<bool> RunAndReloadAsync(Func<Task> operation, Func<Task> reload, bool inline = false, string? form = null)
    {
        if (!await RunAsync(operation, L["Common.Saved"], inline, form)) return false;
        await reload();
        StateHasChanged();
        return true;
    }

    /// <summary>
    /// A form's last refusal, shown by the form itself beside its button (issue 33.7: it was a toast at the foot of the
    /// page, out of view), until the next try.
    /// </summary>
    protected string? FormError { get; private set; }

    /// <summary>The last refusal's messages that name a field, said under that field (issue 33.7).</summary>
    protected FieldRefusals Refusals { get; } = new();

    /// <summary>A field's Error and ErrorText (<c>@attributes</c>): the refusal of <paramref name="field"/> while it holds <paramref name="value"/>.</summary>
    protected IReadOnlyDictionary<string, object> RefusalOf(string field, object? value) => Refusals.For(field, value);

    /// <summary>A field refused by the page itself (a date that cannot be read), shown under it like a service's refusal.</summary>
    protected void Refuse(string field, string message)
    {
        Snackbar.Clear();
        FormError = Refusals.Take(DomainException.ForField(field, message));
        StateHasChanged();
    }

    /// <returns>True when the operation succeeded.</returns>
    /// <param name="inline">A form's save: its refusal goes to <see cref="FormError"/>, beside the form, not to a toast.</param>
    /// <param name="form">On a page of several forms, the one saved: a refused field is said under that form's field.</param>
    protected async Task<bool> RunAsync(Func<Task> operation, string? successMessage = null, bool inline = false, string? form = null)
    {
        try
        {
            await operation();
            ClearFailure();
            FormError = null;
            Refusals.Clear();
            if (successMessage is not null)
            {
                Snackbar.Clear(); // one message at a time: an old refusal does not stay beside "Đã lưu."
                Snackbar.Add(successMessage, Severity.Success);
            }
            return true;
        }
        catch (DomainException ex)
        {
            Snackbar.Clear(); // nor an old "Đã lưu." beside the new refusal
            // A field's message under that field wherever the page shows it; the rest beside the form or in a toast.
            var rest = Refusals.Take(ex, form);
            if (inline) FormError = rest;
            else if (rest is not null) Snackbar.Add(rest, Severity.Error);
            StateHasChanged(); // a child's plain callback (a list's add) does not re-render the page by itself
            return false;
        }
        catch (Exception ex)
        {
            ShowFailure(ex);
            return false;
        }
    }

    /// <summary>
    /// Checks every field of the form by its rules; the fields say what is wrong under themselves, and nothing is sent
    /// until they are right.
    /// </summary>
    protected async Task<bool> FormIsValidAsync(MudForm? form)
    {
        if (form is null) return true;
        if (Refusals.Clear())
        {
            // The last refusal's field errors are the form's own errors too: gone before the fields are checked again,
            // or a value refused by a rule that has since changed could never be sent again unchanged.
            StateHasChanged();
            await Task.Yield();
        }
        await form.ValidateAsync();
        if (form.IsValid) return true;
        Snackbar.Add(L["Form.Invalid"], Severity.Warning);
        return false;
    }

    /// <summary>Logs a failure with a short id and tells the operator what happened (the message stays until closed or the next success).</summary>
    /// <param name="fromRead">The page failed to read (not to save): the next successful read clears it too.</param>
    protected void ShowFailure(Exception ex, bool fromRead = false)
    {
        var id = FailureMessages.NewErrorId();
        Logs.CreateLogger(GetType()).LogError(ex, "Operation failed on {Page} (error {ErrorId}, {Kind})", GetType().Name, id, Failures.Classify(ex));
        ClearFailure(); // one fault message at a time: the newest
        _failure = Snackbar.Add(FailureMessages.For(ex, L, id), Severity.Error, o => o.RequireInteraction = true);
        _failureFromRead = fromRead;
    }

    /// <summary>
    /// The fault is over once an operation succeeds (space freed, database back): its message goes. A successful read
    /// (<paramref name="read"/>) clears only a failed read's message: reads still work while a full disk refuses saves.
    /// </summary>
    protected void ClearFailure(bool read = false)
    {
        if (_failure is null || (read && !_failureFromRead)) return;
        Snackbar.Remove(_failure);
        _failure = null;
    }

    private Snackbar? _failure;
    private bool _failureFromRead;
}
