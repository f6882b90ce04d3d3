using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

public sealed class DidOpenHandler(ServerContext context) : NotificationHandler<DidOpenTextDocumentParams>(context)
{
    public override string Method => "textDocument/didOpen";

    public override void Declare(Capabilities capabilities) => capabilities.Set("textDocumentSync.openClose", true);

    public override void Handle(DidOpenTextDocumentParams parameters)
    {
        var path = Context.Uris.ToPath(parameters.TextDocument.Uri);
        Context.Edited(path);
        Context.Workspace.Open(path, parameters.TextDocument.Text, parameters.TextDocument.Version);
        Context.Publisher.Schedule(path, TimeSpan.Zero);
    }
}
