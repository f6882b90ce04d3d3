using MapLang.Compiler.Services.Outline;
using MapLang.LanguageServer.Server;
using ProtocolFoldingRange = MapLang.LanguageServer.Protocol.FoldingRange;
using MapLang.LanguageServer.Protocol;

namespace MapLang.LanguageServer.Handlers;

public sealed class FoldingRangeHandler(ServerContext context) : RequestHandler<FoldingRangeParams, ProtocolFoldingRange[]>(context)
{
    public override string Method => "textDocument/foldingRange";

    public override void Declare(Capabilities capabilities) => capabilities.Set("foldingRangeProvider", true);

    public override Task<ProtocolFoldingRange[]> HandleAsync(FoldingRangeParams parameters, CancellationToken cancellation) =>
        Context.ReadAsync(parameters.TextDocument.Uri, (snapshot, _) =>
            FoldingRangeService.GetRanges(snapshot.Analysis).Select(r => new ProtocolFoldingRange(r.StartLine, r.EndLine,
                r.Kind switch { FoldingKind.Comment => "comment", FoldingKind.Imports => "imports", _ => "region" })).ToArray(), [], cancellation);
}
