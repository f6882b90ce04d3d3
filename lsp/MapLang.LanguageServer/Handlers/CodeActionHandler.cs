using MapLang.Compiler.Services.CodeActions;
using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;
using ProtocolCodeAction = MapLang.LanguageServer.Protocol.CodeAction;

namespace MapLang.LanguageServer.Handlers;

public sealed class CodeActionHandler(ServerContext context) : RequestHandler<CodeActionParams, ProtocolCodeAction[]>(context)
{
    public override string Method => "textDocument/codeAction";

    public override void Declare(Capabilities capabilities) =>
        capabilities.Set("codeActionProvider", new Dictionary<string, object> { ["codeActionKinds"] = new[] { "quickfix", "refactor" } });

    public override Task<ProtocolCodeAction[]> HandleAsync(CodeActionParams parameters, CancellationToken cancellation) =>
        Context.ReadAsync(parameters.TextDocument.Uri, (snapshot, _) =>
        {
            var uri = parameters.TextDocument.Uri;
            return CodeActionService.GetActions(snapshot.Analysis, snapshot.Text.ToSpan(parameters.Range))
                .Where(a => parameters.Context?.Only is not { Length: > 0 } only || only.Any(o => KindOf(a).StartsWith(o, StringComparison.Ordinal)))
                .Select(a => new ProtocolCodeAction(
                    a.Title,
                    KindOf(a),
                    a.Fixes is null ? null : [a.Fixes.ToProtocol()],
                    a.IsPreferred ? true : null,
                    new WorkspaceEdit(new Dictionary<string, TextEdit[]>
                    {
                        [uri] = a.Edits.Select(e => new TextEdit(snapshot.Text.ToRange(e.Span), e.NewText)).ToArray(),
                    })))
                .ToArray();
        }, [], cancellation);

    private static string KindOf(MapLang.Compiler.Services.CodeActions.CodeAction action) =>
        action.Kind == CodeActionKind.QuickFix ? "quickfix" : "refactor";
}
