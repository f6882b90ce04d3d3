using MapLang.Compiler.Services.Hover;
using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

public sealed class HoverHandler(ServerContext context) : RequestHandler<TextDocumentPositionParams, Hover?>(context)
{
    public override string Method => "textDocument/hover";

    public override void Declare(Capabilities capabilities) => capabilities.Set("hoverProvider", true);

    public override Task<Hover?> HandleAsync(TextDocumentPositionParams parameters, CancellationToken cancellation) =>
        Context.ReadAsync(parameters.TextDocument.Uri, (snapshot, _) =>
            HoverService.GetHover(snapshot.Analysis, snapshot.Text.ToOffset(parameters.Position)) is { } hover
                ? new Hover(MarkupContent.Markdown(hover.Markdown), snapshot.Text.ToRange(hover.Span))
                : null, null, cancellation);
}
