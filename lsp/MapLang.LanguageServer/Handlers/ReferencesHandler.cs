using MapLang.Compiler.Services.Navigation;
using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

public sealed class ReferencesHandler(ServerContext context) : RequestHandler<ReferenceParams, Location[]>(context)
{
    public override string Method => "textDocument/references";

    public override void Declare(Capabilities capabilities) => capabilities.Set("referencesProvider", true);

    public override Task<Location[]> HandleAsync(ReferenceParams parameters, CancellationToken cancellation) =>
        Context.ReadAsync(parameters.TextDocument.Uri, (snapshot, _) =>
            ReferenceService.FindReferences(snapshot.Analysis, snapshot.Text.ToOffset(parameters.Position), parameters.Context?.IncludeDeclaration ?? true)
                .Select(l => new Location(Context.Uris.ToUri(l.Path), l.ToRange())).ToArray(), [], cancellation);
}
