using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Messages;
using PhoChau.Core.PersonalData;
using PhoChau.Core.Choices;

namespace PhoChau.Tests.Core.PersonalData;

/// <summary>Issue 32.9: an erasure leaves the citizen's e-mail address nowhere: not in the audit trail, not in a message's last error, not in the log.</summary>
public sealed class ErasureLeavesNoAddressTests
{
    [Fact]
    public async Task After_an_erasure_the_address_is_in_no_audit_entry_and_no_messages_error_and_the_log_never_had_it()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var input = WorkflowData.Input(d.Id, "Lê Văn Thư");
        input.Email = "thu.le@example.vn";
        var p = await host.Get<PhoChau.Core.Petitions.PetitionService>().CreateAsync(CoreTestHost.Secretary, input);
        await using (var db = host.NewDb())
        {
            var m = new OutboxMessage
            {
                IdempotencyKey = "bounced", Channel = MessageChannel.Email, Kind = MessageKind.Test, Recipient = "thu.le@example.vn", PetitionId = p.Id,
                Subject = "Thông báo", Body = "…", LastError = "550 5.1.1 <THU.LE@example.vn>: Recipient address rejected (Lê Văn Thư, 0905123456)",
            };
            await Outbox.EnqueueAsync(db, m, host.Clock.GetUtcNow().UtcDateTime, default);
            await db.SaveChangesAsync();
            Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Changes.Any(c => c.New == "thu.le@example.vn")); // before: it is there
        }
        // What the delivery logs of a refusal: the status stays, the address and the phone do not.
        Assert.Equal("550 5.1.1 <[…]>: Recipient address rejected (Lê Văn Thư, […])",
            OutboxDelivery.Masked("550 5.1.1 <thu.le@example.vn>: Recipient address rejected (Lê Văn Thư, 0905123456)", "thu.le@example.vn"));

        var service = host.Get<DataRequestService>();
        var request = await service.RegisterAsync(CoreTestHost.Secretary, new DataRequestInput
        {
            Kind = DataRequestKind.Erase, RequesterName = "Lê Văn Thư", Phone = "0905123456", ReceivedOn = new DateOnly(2026, 3, 2),
        });
        await service.EraseAsync(CoreTestHost.Secretary, request.Id);

        await using var after = host.NewDb();
        var trail = string.Join("\n", (await after.AuditEntries.ToListAsync()).SelectMany(e => e.Changes).Select(c => c.Old + "|" + c.New));
        Assert.DoesNotContain("thu.le@example.vn", trail, StringComparison.OrdinalIgnoreCase);
        var message = await after.OutboxMessages.SingleAsync(m => m.IdempotencyKey == "bounced");
        Assert.DoesNotContain("thu.le", message.LastError ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("0905123456", message.LastError ?? "");
        Assert.DoesNotContain("Lê Văn Thư", message.LastError ?? "");
        Assert.StartsWith("550 5.1.1", message.LastError);
    }
}
