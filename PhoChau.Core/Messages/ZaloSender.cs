using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PhoChau.Core.Choices;

namespace PhoChau.Core.Messages;

/// <summary>
/// Zalo Notification Service: a template message to a phone number (84… form) through the commune's Official
/// Account, as its API documents: POST the template id, its parameters and a tracking id (the message's key) with
/// the access token in the <c>access_token</c> header; the answer's <c>error</c> is 0 when sent. An expired token
/// (-124) is refreshed once (the refresh token is spent and the new one kept in the database), then the message is
/// sent again. Errors that cannot get better (no Zalo account, invalid phone, template or parameter refused) fail at
/// once; the others are tried again later. A parameter longer than the template allows is cut.
/// </summary>
public sealed class ZaloSender(IDbContextFactory<PhoChauDbContext> dbFactory, IOptionsMonitor<MessagesOptions> options, TimeProvider clock) : IMessageSender
{
    public const string AccessTokenName = "zalo.access_token";
    public const string RefreshTokenName = "zalo.refresh_token";
    /// <summary>ZNS errors trying again cannot cure: invalid phone, no Zalo account or one that cannot receive, template not approved, parameters invalid, user refused.</summary>
    public static readonly IReadOnlySet<int> Permanent = new HashSet<int> { -108, -109, -118, -119, -131, -132, -133, -139, -141 };
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    public MessageChannel Channel => MessageChannel.Zalo;

    public string? NotConfigured
    {
        get
        {
            var z = options.CurrentValue.Zalo;
            return z.AppId.Length == 0 || z.SecretKey.Length == 0 || (z.AccessToken.Length == 0 && z.RefreshToken.Length == 0) || z.Templates.Count == 0
                ? CoreText.Get("Messages.ZaloOff") : null;
        }
    }

    /// <summary>Whether an approved template is configured for this kind of message (a kind without one is not sent by Zalo).</summary>
    public bool HasTemplate(MessageKind kind) => options.CurrentValue.Zalo.Templates.ContainsKey(kind.ToString());

    public async Task<SendOutcome> SendAsync(OutboxMessage m, CancellationToken ct)
    {
        var z = options.CurrentValue.Zalo;
        if (!z.Templates.TryGetValue(m.Kind.ToString(), out var template)) return SendOutcome.Fail(CoreText.Format("Messages.ZaloNoTemplate", m.Kind));
        var data = JsonNode.Parse(m.TemplateData ?? "{}") as JsonObject ?? [];
        foreach (var (key, value) in data.ToList())
            if (value?.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { } s && s.Length > z.MaxParameterLength)
                data[key] = s[..(z.MaxParameterLength - 1)] + "…";
        var body = new JsonObject
        {
            ["phone"] = PhoneNumber.InternationalOf(m.Recipient),
            ["template_id"] = template,
            ["template_data"] = data,
            ["tracking_id"] = m.IdempotencyKey,
        };
        var token = await TokenAsync(AccessTokenName, z.AccessToken, ct);
        var (error, message, id) = await PostAsync(z, body, token, ct);
        if (error == -124)
        {
            token = await RefreshAsync(z, token, ct);
            if (token is null) return SendOutcome.Retry(CoreText.Get("Messages.ZaloRefreshFailed"));
            (error, message, id) = await PostAsync(z, body, token, ct);
        }
        return error switch
        {
            0 => SendOutcome.Ok(id),
            null => SendOutcome.Retry(message),
            { } e when Permanent.Contains(e) => SendOutcome.Fail(CoreText.Format("Messages.GatewayError", e, message)),
            { } e => SendOutcome.Retry(CoreText.Format("Messages.GatewayError", e, message)),
        };
    }

    /// <summary>The API's answer: its error code (null when there was no usable answer), message and message id.</summary>
    private static async Task<(int? Error, string Message, string? Id)> PostAsync(ZaloOptions z, JsonObject body, string? token, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, z.TimeoutSeconds)));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, z.ApiUrl) { Content = JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("access_token", token ?? "");
            using var response = await Http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode) return (null, $"HTTP {(int)response.StatusCode}: {(text.Length > 200 ? text[..200] : text)}", null);
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            var error = root.TryGetProperty("error", out var e) && e.TryGetInt32(out var n) ? n : (int?)null;
            var message = root.TryGetProperty("message", out var msg) ? msg.GetString() ?? "" : "";
            var id = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("msg_id", out var mid) ? mid.GetString() : null;
            return (error, message, id);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, CoreText.Get("Messages.Timeout"), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            return (null, ex.Message, null);
        }
    }

    /// <summary>
    /// A new access token from the refresh token (single use: the new refresh token is kept). One refresh at a time
    /// here; another node's newer token in the database is taken instead of refreshing again.
    /// </summary>
    private async Task<string?> RefreshAsync(ZaloOptions z, string? expired, CancellationToken ct)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            var current = await TokenAsync(AccessTokenName, z.AccessToken, ct);
            if (current != expired) return current; // refreshed meanwhile
            var refresh = await TokenAsync(RefreshTokenName, z.RefreshToken, ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, z.TimeoutSeconds)));
            using var request = new HttpRequestMessage(HttpMethod.Post, z.OAuthUrl)
            {
                Content = new FormUrlEncodedContent([new("refresh_token", refresh ?? ""), new("app_id", z.AppId), new("grant_type", "refresh_token")]),
            };
            request.Headers.TryAddWithoutValidation("secret_key", z.SecretKey);
            using var response = await Http.SendAsync(request, timeout.Token);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
            if (!json.RootElement.TryGetProperty("access_token", out var access) || access.GetString() is not { Length: > 0 } newAccess) return null;
            var newRefresh = json.RootElement.TryGetProperty("refresh_token", out var r) ? r.GetString() : null;
            await SaveAsync(AccessTokenName, newAccess, ct);
            if (newRefresh is { Length: > 0 }) await SaveAsync(RefreshTokenName, newRefresh, ct);
            return newAccess;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task<string?> TokenAsync(string name, string configured, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.MessageTokens.AsNoTracking().Where(t => t.Name == name).Select(t => t.Value).SingleOrDefaultAsync(ct) ?? (configured.Length > 0 ? configured : null);
    }

    private async Task SaveAsync(string name, string value, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.MessageTokens.SingleOrDefaultAsync(t => t.Name == name, ct);
        if (row is null) db.MessageTokens.Add(row = new MessageToken { Name = name });
        row.Value = value;
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.Version++;
        await db.SaveChangesAsync(ct);
    }
}
