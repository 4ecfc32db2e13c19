using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PhoChau.Core.Common;
using PhoChau.Core.Security;
using PhoChau.Portal.Resources;
using PhoChau.Portal.Security;

namespace PhoChau.Portal.Components.Shared;

/// <summary>
/// What every page does around a service call: find who acts, run it, show the Vietnamese message of a
/// refused rule in a snackbar instead of an error page.
/// </summary>
public abstract class PortalComponentBase : ComponentBase
{
    [Inject] protected CurrentActor CurrentActor { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected Actor Actor { get; private set; } = new("", "", new HashSet<string>());

    protected override async Task OnInitializedAsync()
    {
        Actor = await CurrentActor.GetAsync();
        await OnActorReadyAsync();
    }

    protected virtual Task OnActorReadyAsync() => Task.CompletedTask;

    /// <summary>
    /// Runs the operation, then reloads the page's data and re-renders: a child's plain callback does not
    /// re-render the page by itself.
    /// </summary>
    protected async Task<bool> RunAndReloadAsync(Func<Task> operation, Func<Task> reload)
    {
        if (!await RunAsync(operation, L["Common.Saved"])) return false;
        await reload();
        StateHasChanged();
        return true;
    }

    /// <returns>True when the operation succeeded.</returns>
    protected async Task<bool> RunAsync(Func<Task> operation, string? successMessage = null)
    {
        try
        {
            await operation();
            if (successMessage is not null) Snackbar.Add(successMessage, Severity.Success);
            return true;
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
            return false;
        }
    }
}
