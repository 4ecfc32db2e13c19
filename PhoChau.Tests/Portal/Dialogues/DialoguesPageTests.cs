using Bunit;
using MudBlazor;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Portal.Features.Dialogues;

namespace PhoChau.Tests.Portal.Dialogues;

/// <summary>The dialogues' list counts each one's petitions (read from Petitions, which Dialogues no longer reach into).</summary>
public sealed class DialoguesPageTests : PortalBunitContext
{
    protected override void AddCoreServices(IServiceCollection services)
    {
        services.AddSingleton(Core.Get<DialogueService>());
        services.AddSingleton(Core.Get<PetitionQuery>());
    }

    [Fact]
    public async Task Each_dialogue_shows_how_many_petitions_it_has_and_links_to_them()
    {
        var busy = await WorkflowData.DialogueAsync(Core, new DateOnly(2026, 4, 14));
        var quiet = await WorkflowData.DialogueAsync(Core, new DateOnly(2026, 5, 12));
        await WorkflowData.PetitionAsync(Core, busy.Id, "Nguyễn Văn An");
        await WorkflowData.PetitionAsync(Core, busy.Id, "Lê Thị Thu");
        SignInAs("thuky", Roles.Secretary);
        Render<MudPopoverProvider>();

        var cut = Render<DialoguesPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=dialogue-row]").Count));
        var counts = cut.FindAll("[data-testid=dialogue-row] a[href^='/petitions?dialogue=']")
            .ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent.Trim());
        Assert.Equal("2", counts[$"/petitions?dialogue={busy.Id}"]);
        Assert.Equal("0", counts[$"/petitions?dialogue={quiet.Id}"]);
    }
}
