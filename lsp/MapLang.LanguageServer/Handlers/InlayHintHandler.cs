using MapLang.Compiler.Services.InlayHints;
using MapLang.LanguageServer.Server;
using InlayHintParams = MapLang.LanguageServer.Protocol.InlayHintParams;
using ProtocolInlayHint = MapLang.LanguageServer.Protocol.InlayHint;

namespace MapLang.LanguageServer.Handlers;

public sealed class InlayHintHandler(ServerContext context) : RequestHandler<InlayHintParams, ProtocolInlayHint[]>(context)
{
    public override string Method => "textDocument/inlayHint";

    public override void Declare(Capabilities capabilities) => capabilities.Set("inlayHintProvider", true);

    public override Task<ProtocolInlayHint[]> HandleAsync(InlayHintParams parameters, CancellationToken cancellation) =>
        Context.ReadAsync(parameters.TextDocument.Uri, (snapshot, _) =>
            InlayHintService.GetHints(snapshot.Analysis, snapshot.Text.ToSpan(parameters.Range))
                .Select(h => new ProtocolInlayHint(snapshot.Text.GetPosition(h.Position).ToPosition(), h.Label, 1, h.Tooltip, true)).ToArray(),
            [], cancellation);
}
