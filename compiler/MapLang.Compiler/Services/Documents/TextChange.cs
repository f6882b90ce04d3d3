using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Documents;

/// <summary>An edit of a document as editors send it: a range replaced by text, or the whole text when <see cref="Start"/> is null.</summary>
public sealed record TextChange(LinePosition? Start, LinePosition? End, string Text)
{
    public static TextChange Full(string text) => new(null, null, text);

    public string ApplyTo(SourceText source)
    {
        if (Start is not { } start || End is not { } end) return Text;
        var from = source.GetOffset(start);
        var to = Math.Max(from, source.GetOffset(end));
        return string.Concat(source.Text.AsSpan(0, from), Text, source.Text.AsSpan(to));
    }
}
