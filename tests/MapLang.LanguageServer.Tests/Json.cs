using System.Text.Json;

namespace MapLang.LanguageServer.Tests;

internal static class Json
{
    /// <summary>A range as offsets in <paramref name="text"/>.</summary>
    public static (int Start, int End) Span(this JsonElement range, string text) => (Offset(text, range.GetProperty("start")), Offset(text, range.GetProperty("end")));

    public static int Offset(string text, JsonElement position)
    {
        var line = position.GetProperty("line").GetInt32();
        var offset = 0;
        for (var i = 0; i < line; i++) offset = text.IndexOf('\n', offset) + 1;
        return offset + position.GetProperty("character").GetInt32();
    }

    public static string Apply(string text, IEnumerable<JsonElement> edits)
    {
        foreach (var (span, newText) in edits.Select(e => (e.GetProperty("range").Span(text), e.GetProperty("newText").GetString()!)).OrderByDescending(e => e.Item1.Start))
            text = text[..span.Start] + newText + text[span.End..];
        return text;
    }
}
