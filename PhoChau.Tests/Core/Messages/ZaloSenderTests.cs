using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Messages;
using PhoChau.Core.Choices;

namespace PhoChau.Tests.Core.Messages;

/// <summary>
/// Issue 24, Zalo ZNS against a local server answering as the API documents: the template message with the phone
/// in 84… form, the template's id and parameters and a tracking id; an expired access token (-124) refreshed once
/// with the refresh token (the new pair kept), then sent; "no Zalo account" fails at once; a parameter too long cut.
/// </summary>
public sealed class ZaloSenderTests
{
    [Fact]
    public async Task An_expired_token_is_refreshed_once_and_kept_the_message_is_sent_and_a_phone_without_Zalo_fails_at_once()
    {
        await using var zalo = await TestGateway.StartAsync();
        zalo.Respond = r => r.Path switch
        {
            "/oauth" when r.Headers.GetValueOrDefault("secret_key") == "bi-mat" && r.Body.Contains("refresh_token=r1") && r.Body.Contains("grant_type=refresh_token")
                => new GatewayAnswer(200, "{\"access_token\":\"moi\",\"refresh_token\":\"r2\",\"expires_in\":\"90000\"}"),
            "/oauth" => new GatewayAnswer(200, "{\"error\":-14014,\"error_name\":\"Invalid refresh token\"}"),
            "/message/template" when r.Headers.GetValueOrDefault("access_token") != "moi" => new GatewayAnswer(200, "{\"error\":-124,\"message\":\"Access token is invalid\"}"),
            "/message/template" when r.Body.Contains("\"phone\":\"84999999999\"") => new GatewayAnswer(200, "{\"error\":-118,\"message\":\"Zalo account not existed\"}"),
            "/message/template" => new GatewayAnswer(200, "{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"z-" + zalo.Requests.Count + "\",\"sent_time\":\"1700000000000\"}}"),
            _ => new GatewayAnswer(404, ""),
        };
        await using var host = await CoreTestHost.StartAsync(configure: s => s.Configure<MessagesOptions>(o => o.Zalo = new ZaloOptions
        {
            ApiUrl = zalo.Url + "/message/template", OAuthUrl = zalo.Url + "/oauth", AppId = "123", SecretKey = "bi-mat", AccessToken = "cu", RefreshToken = "r1",
            Templates = new() { ["PetitionReceived"] = "301122" }, MaxParameterLength = 30,
        }));
        var delivery = host.Get<OutboxDelivery>();
        Assert.Contains(MessageChannel.Zalo, delivery.Configured);
        long first, second, noZalo;
        await using (var db = host.NewDb())
        {
            OutboxMessage M(string key, string phone) => new()
            {
                IdempotencyKey = key, Channel = MessageChannel.Zalo, Kind = MessageKind.PetitionReceived, Recipient = phone,
                TemplateData = JsonSerializer.Serialize(new Dictionary<string, string> { ["ma_kien_nghi"] = "KN-2026-001", ["ten_xa"] = "xã Phổ Châu có tên rất dài hơn ba mươi ký tự" }),
            };
            var now = host.Clock.GetUtcNow().UtcDateTime;
            var a = M("received:1:Zalo", "0905123456");
            var b = M("received:2:Zalo", "0912345678");
            var c = M("received:3:Zalo", "0999999999");
            foreach (var m in new[] { a, b, c }) await Outbox.EnqueueAsync(db, m, now, default);
            await db.SaveChangesAsync();
            (first, second, noZalo) = (a.Id, b.Id, c.Id);
        }
        await delivery.DeliverDueAsync(parallel: 1);

        await using var check = host.NewDb();
        var rows = await check.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.Id);
        Assert.Equal(MessageState.Sent, rows[first].State);
        Assert.Equal(MessageState.Sent, rows[second].State);
        Assert.StartsWith("z-", rows[first].ProviderMessageId);
        Assert.Equal((MessageState.Failed, 1), (rows[noZalo].State, rows[noZalo].Attempts));
        Assert.Equal("Cổng gửi báo lỗi (mã -118): Zalo account not existed", rows[noZalo].LastError);
        Assert.Single(zalo.Requests, r => r.Path == "/oauth"); // refreshed once; the new token served the rest
        var tokens = await check.MessageTokens.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.Value);
        Assert.Equal(("moi", "r2"), (tokens[ZaloSender.AccessTokenName], tokens[ZaloSender.RefreshTokenName]));

        var sent = zalo.Requests.Where(r => r.Path == "/message/template" && r.Headers["access_token"] == "moi").Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        var body = sent.Single(r => r.GetProperty("tracking_id").GetString() == "received:1:Zalo");
        Assert.Equal("84905123456", body.GetProperty("phone").GetString());
        Assert.Equal("301122", body.GetProperty("template_id").GetString());
        Assert.Equal("KN-2026-001", body.GetProperty("template_data").GetProperty("ma_kien_nghi").GetString());
        var name = body.GetProperty("template_data").GetProperty("ten_xa").GetString()!;
        Assert.Equal(30, name.Length); // cut to the template's limit
        Assert.EndsWith("…", name);
    }
}
