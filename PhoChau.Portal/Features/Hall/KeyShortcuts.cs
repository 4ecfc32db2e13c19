using Microsoft.JSInterop;

namespace PhoChau.Portal.Features.Hall;

/// <summary>
/// One-key shortcuts of a hall console (<c>phochau.shortcuts</c> in app.js: ignored while typing in a field), until the
/// page goes. The chair's console and the secretary's each give what a key does.
/// </summary>
public sealed class KeyShortcuts : IAsyncDisposable
{
    private readonly Func<string, Task> _onKey;
    private readonly DotNetObjectReference<KeyShortcuts> _self;
    private IJSObjectReference? _listener;

    private KeyShortcuts(Func<string, Task> onKey)
    {
        _onKey = onKey;
        _self = DotNetObjectReference.Create(this);
    }

    public static async Task<KeyShortcuts> AttachAsync(IJSRuntime js, Func<string, Task> onKey)
    {
        var shortcuts = new KeyShortcuts(onKey);
        shortcuts._listener = await js.InvokeAsync<IJSObjectReference>("phochau.shortcuts", shortcuts._self);
        return shortcuts;
    }

    [JSInvokable]
    public Task OnShortcut(string key) => _onKey(key);

    public async ValueTask DisposeAsync()
    {
        if (_listener is not null)
        {
            try { await _listener.InvokeVoidAsync("dispose"); await _listener.DisposeAsync(); }
            catch (JSDisconnectedException) { } // the screen is gone already
        }
        _self.Dispose();
    }
}
