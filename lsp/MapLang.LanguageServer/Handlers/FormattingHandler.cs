using MapLang.Compiler.Services.Formatting;
using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

/// <summary>The formatter of <c>maplang fmt</c>; a document with syntax errors is left alone (no edits).</summary>
public sealed class FormattingHandler(ServerContext context) : RequestHandler<DocumentFormattingParams, TextEdit[]>(context)
{
    public override string Method => "textDocument/formatting";

    public override void Declare(Capabilities capabilities) => capabilities.Set("documentFormattingProvider", true);

    public override Task<TextEdit[]> HandleAsync(DocumentFormattingParams parameters, CancellationToken cancellation) =>
        Context.ReadAsync(parameters.TextDocument.Uri, (snapshot, _) =>
            FormattingService.Format(snapshot.Analysis).Select(e => new TextEdit(snapshot.Text.ToRange(e.Span), e.NewText)).ToArray(), [], cancellation);
}
