using MapLang.Compiler.Services.Classification;
using MapLang.Compiler.Text;
using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

public sealed class SemanticTokensHandler(ServerContext context) : RequestHandler<SemanticTokensParams, SemanticTokens>(context)
{
    public override string Method => "textDocument/semanticTokens/full";

    public override void Declare(Capabilities capabilities)
    {
        capabilities.Set("semanticTokensProvider.legend", new Dictionary<string, object>
        {
            ["tokenTypes"] = SemanticTokenService.TokenTypes,
            ["tokenModifiers"] = SemanticTokenService.TokenModifiers,
        });
        capabilities.Set("semanticTokensProvider.full", true);
    }

    public override Task<SemanticTokens> HandleAsync(SemanticTokensParams parameters, CancellationToken cancellation) =>
        Context.ReadAsync(parameters.TextDocument.Uri, (snapshot, _) => Encode(snapshot.Text, SemanticTokenService.Classify(snapshot.Analysis)),
            new SemanticTokens([]), cancellation);

    /// <summary>LSP's relative encoding: per token, line delta, start delta, length, type index, modifier bits.</summary>
    internal static SemanticTokens Encode(SourceText text, IReadOnlyList<ClassifiedSpan> spans)
    {
        var data = new List<int>(spans.Count * 5);
        int line = 0, character = 0;
        foreach (var span in spans.OrderBy(s => s.Span.Start))
        {
            var start = text.GetPosition(span.Span.Start);
            var type = IndexOf(SemanticTokenService.TokenTypes, span.Type);
            if (type < 0) continue;
            var modifiers = span.Modifiers.Select(m => IndexOf(SemanticTokenService.TokenModifiers, m)).Where(i => i >= 0).Aggregate(0, (bits, i) => bits | 1 << i);
            data.Add(start.Line - line);
            data.Add(start.Line == line ? start.Character - character : start.Character);
            data.Add(span.Span.Length);
            data.Add(type);
            data.Add(modifiers);
            (line, character) = (start.Line, start.Character);
        }
        return new SemanticTokens(data.ToArray());
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
