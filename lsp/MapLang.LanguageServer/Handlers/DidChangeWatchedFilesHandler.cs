using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

public sealed class DidChangeWatchedFilesHandler(ServerContext context) : NotificationHandler<DidChangeWatchedFilesParams>(context)
{
    public override string Method => "workspace/didChangeWatchedFiles";

    public override void Handle(DidChangeWatchedFilesParams parameters)
    {
        if (parameters.Changes.Any(c => c.Uri.EndsWith(".mlschema", StringComparison.OrdinalIgnoreCase))) SchemaChanges.Reload(Context);
    }
}
