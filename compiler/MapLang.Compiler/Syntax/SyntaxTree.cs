using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Syntax;

/// <summary>One parsed file: its text, its root and the syntax diagnostics.</summary>
public sealed record SyntaxTree(SourceText Text, CompilationUnitSyntax Root, IReadOnlyList<Diagnostic> Diagnostics)
{
    public string Path => Text.Path;
}
