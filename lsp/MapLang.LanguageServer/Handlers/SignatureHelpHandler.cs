using MapLang.Compiler.Services.SignatureHelp;
using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

public sealed class SignatureHelpHandler(ServerContext context) : RequestHandler<TextDocumentPositionParams, SignatureHelp?>(context)
{
    public override string Method => "textDocument/signatureHelp";

    public override void Declare(Capabilities capabilities) =>
        capabilities.Set("signatureHelpProvider", new Dictionary<string, object> { ["triggerCharacters"] = new[] { "(", "," } });

    public override Task<SignatureHelp?> HandleAsync(TextDocumentPositionParams parameters, CancellationToken cancellation) =>
        Context.ReadAsync(parameters.TextDocument.Uri, (snapshot, _) =>
            SignatureHelpService.GetSignatureHelp(snapshot.AnalysisNear(snapshot.Text.ToOffset(parameters.Position)), snapshot.Text.ToOffset(parameters.Position)) is { } help
                ? new SignatureHelp(
                    help.Signatures.Select(s => new SignatureInformation(s.Label, s.Documentation is null ? null : MarkupContent.Markdown(s.Documentation),
                        s.Parameters.Select(p => new ParameterInformation(p)).ToArray())).ToArray(),
                    help.ActiveSignature, help.ActiveParameter)
                : null, null, cancellation);
}
