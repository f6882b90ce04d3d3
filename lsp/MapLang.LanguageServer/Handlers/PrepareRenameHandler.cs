using MapLang.Compiler.Services.Navigation;
using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

public sealed class PrepareRenameHandler(ServerContext context) : RequestHandler<TextDocumentPositionParams, PrepareRenameResult?>(context)
{
    public override string Method => "textDocument/prepareRename";

    public override void Declare(Capabilities capabilities) => capabilities.Set("renameProvider.prepareProvider", true);

    public override Task<PrepareRenameResult?> HandleAsync(TextDocumentPositionParams parameters, CancellationToken cancellation) =>
        Context.ReadAsync(parameters.TextDocument.Uri, (snapshot, _) =>
            RenameService.Prepare(snapshot.Analysis, snapshot.Text.ToOffset(parameters.Position)) is { } span
                ? new PrepareRenameResult(snapshot.Text.ToRange(span), snapshot.Text[span])
                : null, null, cancellation);
}
