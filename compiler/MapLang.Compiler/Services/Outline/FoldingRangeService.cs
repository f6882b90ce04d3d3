using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Syntax;

namespace MapLang.Compiler.Services.Outline;

public enum FoldingKind { Region, Comment, Imports }

/// <summary>A foldable range of whole lines (0-based, inclusive).</summary>
public sealed record FoldingRange(int StartLine, int EndLine, FoldingKind Kind);

/// <summary>Folds map and table bodies, multi-line members, runs of comments and runs of use/import lines.</summary>
public static class FoldingRangeService
{
    public static IReadOnlyList<FoldingRange> GetRanges(DocumentAnalysis analysis)
    {
        var text = analysis.Text;
        var result = new List<FoldingRange>();
        void Add(int start, int end, FoldingKind kind)
        {
            var first = text.GetPosition(start).Line;
            var last = text.GetPosition(Math.Max(start, end - 1)).Line;
            if (last > first) result.Add(new FoldingRange(first, last, kind));
        }

        foreach (var declaration in analysis.Tree.Root.Declarations)
        {
            if (declaration is MapSyntax or TableSyntax) Add(declaration.Span.Start, declaration.Span.End, FoldingKind.Region);
            if (declaration is MapSyntax map)
                foreach (var member in map.Members) Add(member.Span.Start, member.Span.End, FoldingKind.Region);
        }

        var headers = analysis.Tree.Root.Declarations.TakeWhile(d => d is UseSyntax or ImportSyntax).ToArray();
        if (headers.Length > 1) Add(headers[0].Span.Start, headers[^1].Span.End, FoldingKind.Imports);

        // Consecutive line comments fold together; a block comment folds alone.
        (int Start, int End, int Line)? run = null;
        foreach (var comment in analysis.Tokens.Where(t => t.Kind == SyntaxTokenKind.Comment))
        {
            if (comment.Text.StartsWith("/*", StringComparison.Ordinal)) { Add(comment.Span.Start, comment.Span.End, FoldingKind.Comment); continue; }
            var line = text.GetPosition(comment.Span.Start).Line;
            if (run is { } r && line == r.Line + 1) run = (r.Start, comment.Span.End, line);
            else
            {
                if (run is { } done) Add(done.Start, done.End, FoldingKind.Comment);
                run = (comment.Span.Start, comment.Span.End, line);
            }
        }
        if (run is { } final) Add(final.Start, final.End, FoldingKind.Comment);
        return result.Distinct().OrderBy(r => r.StartLine).ThenBy(r => r.EndLine).ToArray();
    }
}
