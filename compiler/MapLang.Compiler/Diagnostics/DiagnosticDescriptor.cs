namespace MapLang.Compiler.Diagnostics;

/// <summary>
/// A kind of mistake: its code (<c>ML</c> + four digits, never reused), default severity, a title and
/// a message format whose <c>{0}</c>, <c>{1}</c>… are filled in per occurrence. Messages say what to do.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title, string MessageFormat)
{
    public string DocsAnchor => $"docs/diagnostics.md#{Code.ToLowerInvariant()}";

    public string Format(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);
}
