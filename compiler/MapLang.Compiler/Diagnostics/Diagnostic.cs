using MapLang.Compiler.Text;

namespace MapLang.Compiler.Diagnostics;

/// <summary>One reported mistake in one file.</summary>
/// <param name="Suggestions">Replacement texts a quick fix may offer (e.g. "did you mean" names).</param>
public sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    string Message,
    string FilePath,
    TextSpan Span,
    LinePosition Start,
    LinePosition End,
    IReadOnlyList<string> Suggestions)
{
    public string Code => Descriptor.Code;
    public DiagnosticSeverity Severity => Descriptor.Severity;
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceText text, TextSpan span, IReadOnlyList<string>? suggestions, params object?[] args) =>
        new(descriptor, descriptor.Format(args), text.Path, span, text.GetPosition(span.Start), text.GetPosition(span.End), suggestions ?? []);

    /// <summary>The compiler-style line <c>file(line,col): error ML1234: message</c>.</summary>
    public override string ToString() =>
        $"{FilePath}({Start.Line + 1},{Start.Character + 1}): {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
