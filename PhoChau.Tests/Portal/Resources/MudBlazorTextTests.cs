using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MudBlazor;
using MudBlazor.Services;
using PhoChau.Portal.Components.Shared;

namespace PhoChau.Tests.Portal.Resources;

/// <summary>MudBlazor's own texts in Vietnamese (MudBlazorText.resx), checked against MudBlazor's English ones.</summary>
public sealed partial class MudBlazorTextTests
{
    private static readonly ResourceManager MudEnglish = new("MudBlazor.Resources.LanguageResource", typeof(MudButton).Assembly);

    [Fact]
    public void Every_Vietnamese_MudBlazor_text_is_a_key_MudBlazor_has_with_the_same_placeholders()
    {
        var path = Path.Combine(PortalProcess.RepositoryRoot(), "PhoChau.Portal", "Resources", "MudBlazorText.resx");
        var ours = XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
        Assert.Contains("MudDataGridPager_RowsPerPage", ours.Keys);
        foreach (var (key, vietnamese) in ours)
        {
            var english = MudEnglish.GetString(key, CultureInfo.InvariantCulture);
            Assert.True(english is not null, $"MudBlazor has no text {key}");
            Assert.True(Holes(english!).SetEquals(Holes(vietnamese)), $"{key}: {english} | {vietnamese}");
        }
    }

    [Fact]
    public void The_pager_reads_in_Vietnamese_and_stays_English_in_English()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().AddMudServices()
            .AddTransient<MudLocalizer, PortalMudLocalizer>().BuildServiceProvider();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
            var localizer = services.GetRequiredService<MudLocalizer>();
            Assert.Equal("Số dòng mỗi trang:", localizer["MudDataGridPager_RowsPerPage"].Value);
            Assert.Equal("1-25 trên 36", localizer["MudDataGridPager_InfoFormat", 1, 25, 36].Value);
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    private static SortedSet<string> Holes(string text) => new(Placeholder().Matches(text).Select(m => m.Value));

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
