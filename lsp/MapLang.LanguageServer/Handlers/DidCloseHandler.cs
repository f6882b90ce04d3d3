using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

public sealed class DidCloseHandler(ServerContext context) : NotificationHandler<DidCloseTextDocumentParams>(context)
{
    public override string Method => "textDocument/didClose";

    public override void Handle(DidCloseTextDocumentParams parameters)
    {
        var path = Context.Uris.ToPath(parameters.TextDocument.Uri);
        Context.Edited(path);
        Context.Workspace.Close(path);
        Context.Publisher.Clear(path);
    }
}
