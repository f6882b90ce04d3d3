using System.Text;
using MapLang.Compiler.Semantics;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Tests.Services;

/// <summary>Test documents as the user sees them: <c>|</c> is the cursor, <c>[| |]</c> marks spans.</summary>
public sealed record Markup(string Text, int? Cursor, IReadOnlyList<TextSpan> Spans)
{
    public int Position => Cursor ?? throw new InvalidOperationException("The markup has no cursor.");

    public static Markup Parse(string markup)
    {
        var sb = new StringBuilder();
        int? cursor = null;
        var spans = new List<TextSpan>();
        var open = new Stack<int>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '[' && i + 1 < markup.Length && markup[i + 1] == '|') { open.Push(sb.Length); i++; continue; }
            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == ']') { spans.Add(TextSpan.FromBounds(open.Pop(), sb.Length)); i++; continue; }
            if (markup[i] == '|') { cursor = sb.Length; continue; }
            sb.Append(markup[i]);
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new Markup(sb.ToString(), cursor, spans);
    }

    public const string Path = "/maplang-tests/main.map";

    private static readonly Lazy<CompilationOptions> Options = new(() => CompilationOptions.Default);

    public static (DocumentAnalysis Analysis, Markup Markup) Analyze(string markup)
    {
        var parsed = Parse(markup);
        return (DocumentAnalysis.Create(Path, parsed.Text, Options.Value), parsed);
    }
}
