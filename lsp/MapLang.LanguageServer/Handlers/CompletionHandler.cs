using MapLang.Compiler.Services.Completion;
using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;
using Kind = MapLang.Compiler.Services.Completion.CompletionKind;

namespace MapLang.LanguageServer.Handlers;

public sealed class CompletionHandler(ServerContext context) : RequestHandler<CompletionParams, CompletionList>(context)
{
    public override string Method => "textDocument/completion";

    public override void Declare(Capabilities capabilities) =>
        capabilities.Set("completionProvider", new Dictionary<string, object> { ["triggerCharacters"] = new[] { ".", " ", "(" }, ["resolveProvider"] = false });

    public override Task<CompletionList> HandleAsync(CompletionParams parameters, CancellationToken cancellation) =>
        Context.ReadAsync(parameters.TextDocument.Uri, (snapshot, _) =>
        {
            var offset = snapshot.Text.ToOffset(parameters.Position);
            var items = CompletionService.GetCompletions(snapshot.AnalysisNear(offset), offset);
            return new CompletionList(false, items.Select(i => new Protocol.CompletionItem(
                i.Label,
                KindOf(i.Kind),
                i.Detail,
                i.Documentation is null ? null : MarkupContent.Markdown(i.Documentation),
                i.SortText,
                i.Label,
                i.IsSnippet ? 2 : 1,
                new TextEdit(snapshot.Text.ToRange(i.ReplaceSpan), i.InsertText),
                i.Kind is Kind.TargetField or Kind.Field && i.Detail is not null ? new CompletionItemLabelDetails(null, i.Detail) : null)).ToArray());
        }, new CompletionList(false, []), cancellation);

    private static int KindOf(Kind kind) => kind switch
    {
        Kind.Keyword => 14,
        Kind.Connector => 9,
        Kind.Entity => 7,
        Kind.Field or Kind.TargetField => 5,
        Kind.Function => 3,
        Kind.Operation => 2,
        Kind.Table => 13,
        Kind.Map => 7,
        Kind.Local => 6,
        Kind.Constant => 21,
        _ => 15,
    };
}
