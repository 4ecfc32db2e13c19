using Bunit;
using MudBlazor;
using PhoChau.Core.Messages;
using PhoChau.Portal.Features.Messages;
using PhoChau.Core.Choices;

namespace PhoChau.Tests.Portal.Messages;

public sealed class OutboxPageTests : PortalBunitContext
{
    protected override void AddCoreServices(IServiceCollection services) => services.AddSingleton(Core.Get<OutboxService>()).AddSingleton(Core.Get<BounceReader>());

    [Fact]
    public async Task The_administrator_sees_each_channel_off_with_what_is_missing_a_failed_message_with_the_gateways_reason_and_sends_it_again()
    {
        long id;
        await using (var db = Core.NewDb())
        {
            var m = new OutboxMessage { IdempotencyKey = "t1", Channel = MessageChannel.Sms, Kind = MessageKind.ReplySent, Recipient = "0905123456", Subject = "Trả lời kiến nghị", Body = "x" };
            await Outbox.EnqueueAsync(db, m, Core.Clock.GetUtcNow().UtcDateTime, default);
            m.MoveTo(MessageState.Failed);
            m.Attempts = 8;
            m.LastError = "HTTP 400: sai so dien thoai";
            await db.SaveChangesAsync();
            id = m.Id;
        }
        SignInAs("admin", Roles.Administrator);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var cut = Render<OutboxPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=outbox-row]")));
        Assert.Contains("Messages:Sms:Url", cut.Find("[data-testid=channel-Sms]").TextContent); // off, and what is missing
        Assert.Contains("Messages:Email:Bounces", cut.Find("[data-testid=bounces]").TextContent); // no bounce mailbox read
        var row = cut.Find("[data-testid=outbox-row]");
        Assert.Equal("Failed", row.GetAttribute("data-state"));
        Assert.Contains("HTTP 400: sai so dien thoai", row.TextContent);
        Assert.Contains("0905123456", row.TextContent);

        cut.Find("[data-testid=retry]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Waiting", cut.Find("[data-testid=outbox-row]").GetAttribute("data-state")));
        await using var check = Core.NewDb();
        var again = await check.OutboxMessages.FindAsync(id);
        Assert.Equal((MessageState.Waiting, 0), (again!.State, again.Attempts));
    }
}
