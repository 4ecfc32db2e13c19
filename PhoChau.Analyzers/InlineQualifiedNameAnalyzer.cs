using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PhoChau.Analyzers;

/// <summary>
/// PC0001: a type or member named with its namespace inline ("System.Globalization.CultureInfo.InvariantCulture")
/// instead of a using directive. Such names came back again and again (issue 34.6: 162 of them); the build now
/// refuses them. In .razor files the name is checked where the author wrote it (the generated code maps it back).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InlineQualifiedNameAnalyzer : DiagnosticAnalyzer
{
    public const string Id = "PC0001";

    private static readonly DiagnosticDescriptor Rule = new(
        Id, "Inline fully qualified name",
        "'{0}' names its namespace inline: add 'using {1};' (or '@using' in a .razor file) and write '{2}'",
        "Style", DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "Names are imported once at the top of the file, not spelled out with their namespace where they are used.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analysed for what a .razor file's author wrote (mapped back by #line), nothing else.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(Check, SyntaxKind.QualifiedName, SyntaxKind.SimpleMemberAccessExpression);
    }

    private static void Check(SyntaxNodeAnalysisContext context)
    {
        var node = context.Node;
        // Only the outermost name: "System.Text.Json.JsonSerializer.Serialize" is reported once.
        if (node.Parent is QualifiedNameSyntax || node.Parent is MemberAccessExpressionSyntax parent && parent.Expression == node) return;
        if (node.IsPartOfStructuredTrivia()) return; // a doc comment's cref may name where a type lives
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is UsingDirectiveSyntax or ExternAliasDirectiveSyntax) return;
            if (ancestor is BaseNamespaceDeclarationSyntax declaration && declaration.Name.Span.Contains(node.Span)) return;
        }
        var left = Leftmost(node);
        if (left is null || left.Parent is AliasQualifiedNameSyntax) return; // global::… is the generator's, not a person's
        if (context.SemanticModel.GetAliasInfo(left, context.CancellationToken) is not null) return; // a using alias is the using

        // The longest namespace prefix written inline.
        ExpressionSyntax? namespacePart = null;
        INamespaceSymbol? space = null;
        for (SyntaxNode? n = left; n is not null && n != node.Parent; n = n.Parent)
        {
            if (n is not ExpressionSyntax expr) break;
            if (context.SemanticModel.GetSymbolInfo(expr, context.CancellationToken).Symbol is not INamespaceSymbol { IsGlobalNamespace: false } symbol) break;
            namespacePart = expr;
            space = symbol;
        }
        if (namespacePart is null || space is null || namespacePart == node) return;

        var location = node.GetLocation();
        if (context.IsGeneratedCode && !location.GetMappedLineSpan().Path.EndsWith(".razor", System.StringComparison.OrdinalIgnoreCase)) return;
        var rest = node.ToString().Substring(namespacePart.ToString().Length + 1);
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, node.ToString(), space.ToDisplayString(), rest));
    }

    private static SimpleNameSyntax? Leftmost(SyntaxNode node) => node switch
    {
        QualifiedNameSyntax q => Leftmost(q.Left),
        MemberAccessExpressionSyntax m => Leftmost(m.Expression),
        IdentifierNameSyntax id => id,
        _ => null,
    };
}
