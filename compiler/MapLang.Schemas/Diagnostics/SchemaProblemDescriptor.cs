using MapLang.Schemas.Model;

namespace MapLang.Schemas.Diagnostics;

/// <summary>One entry of the ML35xx catalogue: a code that never changes meaning, a title and a message template ({0}, {1}… are filled in).</summary>
public sealed record SchemaProblemDescriptor(string Code, SchemaProblemSeverity Severity, string Title, string MessageTemplate)
{
    public string Format(params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageTemplate, args);

    public SchemaProblem Create(SourceLocation? location, params object?[] args) =>
        new(Code, Severity, Format(args), location);
}
