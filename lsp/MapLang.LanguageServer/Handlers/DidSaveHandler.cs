using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

/// <summary>Saving a schema file reloads the schemas and re-checks every open document.</summary>
public sealed class DidSaveHandler(ServerContext context) : NotificationHandler<DidSaveTextDocumentParams>(context)
{
    public override string Method => "textDocument/didSave";

    public override void Declare(Capabilities capabilities) => capabilities.Set("textDocumentSync.save", new Dictionary<string, object> { ["includeText"] = false });

    public override void Handle(DidSaveTextDocumentParams parameters)
    {
        if (!parameters.TextDocument.Uri.EndsWith(".mlschema", StringComparison.OrdinalIgnoreCase)) return;
        SchemaChanges.Reload(Context);
    }
}
