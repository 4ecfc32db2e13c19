using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PhoChau.Analyzers;

namespace PhoChau.Tests.Analyzers;

/// <summary>Issue 34.6: the build refuses a namespace written inline (PC0001), and only that.</summary>
public sealed class InlineQualifiedNameAnalyzerTests
{
    private static async Task<ImmutableArray<Diagnostic>> AnalyseAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(documentationMode: DocumentationMode.Diagnose), path: "Snippet.cs");
        var references = AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Select(a => MetadataReference.CreateFromFile(a.Location));
        var compilation = CSharpCompilation.Create("Snippet", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers([new InlineQualifiedNameAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }

    [Fact]
    public async Task A_type_or_member_named_with_its_namespace_inline_is_refused_once_with_the_using_to_add()
    {
        var found = await AnalyseAsync("""
            namespace PhoChau.Sample;
            public static class Sample
            {
                public static string Invariant => 1.ToString(System.Globalization.CultureInfo.InvariantCulture);
                public static System.Text.StringBuilder Builder() => new();
            }
            """);

        Assert.Equal(2, found.Length);
        Assert.All(found, d => Assert.Equal(InlineQualifiedNameAnalyzer.Id, d.Id));
        Assert.Contains(found, d => d.GetMessage().Contains("add 'using System.Globalization;'") && d.GetMessage().Contains("write 'CultureInfo.InvariantCulture'"));
        Assert.Contains(found, d => d.GetMessage().Contains("add 'using System.Text;'"));
    }

    [Fact]
    public async Task Usings_aliases_namespaces_documentation_and_members_of_objects_are_left_alone()
    {
        var found = await AnalyseAsync("""
            using System.Globalization;
            using Sb = System.Text.StringBuilder;
            namespace PhoChau.Sample.Inner;
            /// <summary>Reads <see cref="System.Globalization.CultureInfo"/>.</summary>
            public sealed class Sample
            {
                private readonly Sb _text = new();
                public string Invariant => 1.ToString(CultureInfo.InvariantCulture);
                public int Length => _text.ToString().Trim().Length;
                public static global::System.DateTime When => global::System.DateTime.UnixEpoch;
            }
            """);

        Assert.Empty(found);
    }
}
