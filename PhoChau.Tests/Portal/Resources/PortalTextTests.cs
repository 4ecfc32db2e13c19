using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PhoChau.Tests.Portal.Resources;

/// <summary>
/// The Portal's screens take their words from resource files per feature (SharedResource, PetitionsText, …), each in
/// Vietnamese and English: every literal key a component or page asks a localizer for exists in both, with the same
/// placeholders, and both files hold the same keys.
/// </summary>
public sealed partial class PortalTextTests
{
    private static string PortalFolder => Path.Combine(PortalProcess.RepositoryRoot(), "PhoChau.Portal");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(PortalFolder, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Fact]
    public void Every_key_a_screen_uses_exists_in_Vietnamese_and_English_with_the_same_placeholders()
    {
        var sources = Directory.EnumerateFiles(PortalFolder, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains("/bin/") && !f.Contains("/obj/"))
            .ToList();
        var problems = new List<string>();
        var checkedKeys = 0;
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            // Which localizer each name stands for in this file; the pages' base class gives every page L (SharedResource).
            var localizers = Localizer().Matches(text).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
            if (text.Contains("@inherits PortalComponentBase") || text.Contains(": PortalComponentBase")) localizers.TryAdd("L", "SharedResource");
            foreach (var (name, resource) in localizers)
            {
                if (resource == "MudBlazorText") continue; // MudBlazor's own keys, checked by MudBlazorTextTests
                var vi = Load(resource + ".resx");
                var en = Load(resource + ".en-US.resx");
                foreach (Match use in new Regex(@"(?<![\w.])" + Regex.Escape(name) + @"\[""([^""]+)""\]").Matches(text))
                {
                    var key = use.Groups[1].Value;
                    checkedKeys++;
                    if (!vi.ContainsKey(key)) problems.Add($"{Path.GetFileName(file)}: {resource}.resx has no \"{key}\"");
                    if (!en.ContainsKey(key)) problems.Add($"{Path.GetFileName(file)}: {resource}.en-US.resx has no \"{key}\"");
                }
            }
        }
        Assert.True(checkedKeys > 300, $"only {checkedKeys} uses found: the scan is broken");
        Assert.Empty(problems);
    }

    [Fact]
    public void Each_resource_file_has_its_English_twin_with_the_same_keys_and_placeholders()
    {
        var files = Directory.EnumerateFiles(Path.Combine(PortalFolder, "Resources"), "*.resx")
            .Select(Path.GetFileName).Where(f => !f!.Contains(".en-US.") && f != "MudBlazorText.resx").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var vi = Load(file!);
            var en = Load(file!.Replace(".resx", ".en-US.resx"));
            Assert.True(vi.Keys.Order().SequenceEqual(en.Keys.Order()),
                $"{file}: only in Vietnamese: {string.Join(", ", vi.Keys.Except(en.Keys))}; only in English: {string.Join(", ", en.Keys.Except(vi.Keys))}");
            foreach (var key in vi.Keys)
                Assert.True(Holes(vi[key]).SetEquals(Holes(en[key])), $"{file} {key}: {vi[key]} | {en[key]}");
        }
    }

    private static HashSet<string> Holes(string text) => HolePattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"IStringLocalizer<(\w+)>\??\s+(\w+)")]
    private static partial Regex Localizer();

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex HolePattern();

    /// <summary>
    /// Where the operator, not a user, reads the text: the console, the commands and the start-up (bilingual lines
    /// "Vietnamese / English"), the health and metrics answers; and the receipt, a paper the commune issues in
    /// Vietnamese whatever the browser speaks, as its documents.
    /// </summary>
    private static readonly string[] OperatorOrPaper = ["Hosting/", "Features/Health/", "Features/Monitoring/MetricsServices.cs", "PortalApp.cs", "Features/Citizens/ReceiptPage.razor"];

    /// <summary>
    /// Issue 34.6: no screen's, endpoint's or refusal page's words are written in the code, where the resource checks
    /// cannot see them: a Vietnamese string literal (or a .razor file's Vietnamese markup) outside the resource files
    /// is refused, log templates and the operator's and paper's files above excepted.
    /// </summary>
    [Fact]
    public void No_Vietnamese_text_is_written_in_the_portals_code()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(PortalFolder, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains("/bin/") && !f.Contains("/obj/")))
        {
            var relative = Path.GetRelativePath(PortalFolder, file).Replace('\\', '/');
            if (OperatorOrPaper.Any(relative.StartsWith)) continue;
            var previous = "";
            foreach (var (line, number) in File.ReadLines(file).Select((l, i) => (l, i + 1)))
            {
                var code = line.TrimStart();
                var isComment = code.StartsWith("//") || code.StartsWith("@*") || code.StartsWith('*');
                var isLog = LogCall().IsMatch(line) || LogCall().IsMatch(previous);
                previous = line;
                if (isComment || isLog) continue;
                var withoutComment = file.EndsWith(".cs") && line.IndexOf(" //", StringComparison.Ordinal) is var c and >= 0 ? line[..c] : line;
                var literal = StringLiteral().Matches(withoutComment).Any(m => Vietnamese().IsMatch(m.Value));
                var markup = file.EndsWith(".razor") && Vietnamese().IsMatch(RazorComment().Replace(StringLiteral().Replace(line, ""), ""));
                if (literal || markup) offenders.Add($"{relative}:{number}: {code}");
            }
        }
        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\.Log(Information|Warning|Error|Critical|Debug|Trace)?\(")]
    private static partial Regex LogCall();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"@\*.*?\*@")]
    private static partial Regex RazorComment();

    [GeneratedRegex("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸ]")]
    private static partial Regex Vietnamese();
}
