using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Common;

/// <summary>A place in some file (this document, an imported one, or a schema file), with lines and characters ready for editors.</summary>
public sealed record EditorLocation(string Path, TextSpan Span, LinePosition Start, LinePosition End)
{
    public static EditorLocation In(SourceText text, TextSpan span) => new(text.Path, span, text.GetPosition(span.Start), text.GetPosition(span.End));
}

/// <summary>Replace <see cref="Span"/> of a document with <see cref="NewText"/>.</summary>
public sealed record TextEdit(TextSpan Span, string NewText);

/// <summary>A text edit in a file that may not be the current document.</summary>
public sealed record FileEdit(EditorLocation Location, string NewText);
