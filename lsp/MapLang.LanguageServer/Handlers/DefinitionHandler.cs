using MapLang.Compiler.Services.Navigation;
using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

public sealed class DefinitionHandler(ServerContext context) : RequestHandler<TextDocumentPositionParams, Location[]>(context)
{
    public override string Method => "textDocument/definition";

    public override void Declare(Capabilities capabilities) => capabilities.Set("definitionProvider", true);

    public override Task<Location[]> HandleAsync(TextDocumentPositionParams parameters, CancellationToken cancellation) =>
        Context.ReadAsync(parameters.TextDocument.Uri, (snapshot, _) =>
            DefinitionService.GetDefinition(snapshot.Analysis, snapshot.Text.ToOffset(parameters.Position))
                .Select(l => new Location(Context.Uris.ToUri(l.Path), l.ToRange())).ToArray(), [], cancellation);
}
