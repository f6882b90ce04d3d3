using MapLang.Compiler.Services.Documents;
using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

/// <summary>Incremental sync: applies the ranges in order, cancels reads of the previous version, schedules diagnostics.</summary>
public sealed class DidChangeHandler(ServerContext context) : NotificationHandler<DidChangeTextDocumentParams>(context)
{
    public override string Method => "textDocument/didChange";

    public override void Declare(Capabilities capabilities) => capabilities.Set("textDocumentSync.change", 2);

    public override void Handle(DidChangeTextDocumentParams parameters)
    {
        var path = Context.Uris.ToPath(parameters.TextDocument.Uri);
        var changes = parameters.ContentChanges
            .Select(c => c.Range is { } r ? new TextChange(r.Start.ToLinePosition(), r.End.ToLinePosition(), c.Text) : TextChange.Full(c.Text))
            .ToArray();
        Context.Edited(path);
        if (Context.Workspace.Change(path, parameters.TextDocument.Version, changes) is null) return;
        Context.Publisher.Schedule(path, Context.Options.DiagnosticsDelay);
        // Documents importing this one see the new text too.
        foreach (var importer in Context.Workspace.Importers(path))
        {
            Context.Edited(importer.Path);
            Context.Workspace.Refresh(importer.Path);
            Context.Publisher.Schedule(importer.Path, Context.Options.DiagnosticsDelay);
        }
    }
}
