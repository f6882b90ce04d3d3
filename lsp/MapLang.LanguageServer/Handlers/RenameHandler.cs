using MapLang.Compiler.Services.Navigation;
using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;
using StreamJsonRpc;

namespace MapLang.LanguageServer.Handlers;

public sealed class RenameHandler(ServerContext context) : RequestHandler<RenameParams, WorkspaceEdit?>(context)
{
    public override string Method => "textDocument/rename";

    public override void Declare(Capabilities capabilities) => capabilities.Set("renameProvider.prepareProvider", true);

    public override Task<WorkspaceEdit?> HandleAsync(RenameParams parameters, CancellationToken cancellation) =>
        Context.ReadAsync(parameters.TextDocument.Uri, (snapshot, _) =>
        {
            var result = RenameService.Rename(snapshot.Analysis, snapshot.Text.ToOffset(parameters.Position), parameters.NewName);
            if (result.Error is { } error) throw new LocalRpcException(error) { ErrorCode = -32602 };
            return new WorkspaceEdit(result.Edits
                .GroupBy(e => Context.Uris.ToUri(e.Location.Path))
                .ToDictionary(g => g.Key, g => g.Select(e => new TextEdit(e.Location.ToRange(), e.NewText)).ToArray()));
        }, null, cancellation);
}
