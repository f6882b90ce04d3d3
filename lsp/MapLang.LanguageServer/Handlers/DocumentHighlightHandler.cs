using MapLang.Compiler.Services.Navigation;
using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

public sealed class DocumentHighlightHandler(ServerContext context) : RequestHandler<TextDocumentPositionParams, DocumentHighlight[]>(context)
{
    public override string Method => "textDocument/documentHighlight";

    public override void Declare(Capabilities capabilities) => capabilities.Set("documentHighlightProvider", true);

    public override Task<DocumentHighlight[]> HandleAsync(TextDocumentPositionParams parameters, CancellationToken cancellation) =>
        Context.ReadAsync(parameters.TextDocument.Uri, (snapshot, _) =>
            ReferenceService.Highlights(snapshot.Analysis, snapshot.Text.ToOffset(parameters.Position))
                .Select(h => new DocumentHighlight(snapshot.Text.ToRange(h.Span), h.IsWrite ? 3 : 2)).ToArray(), [], cancellation);
}
