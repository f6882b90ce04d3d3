namespace MapLang.LanguageServer.Server;

/// <summary>A schema file changed: reload the schemas and re-check every open document.</summary>
internal static class SchemaChanges
{
    public static void Reload(ServerContext context)
    {
        context.Workspace.Projects.Invalidate();
        foreach (var document in context.Workspace.Documents.ToArray())
        {
            context.Edited(document.Path);
            context.Workspace.Open(document.Path, document.Text.Text, document.Version);
            context.Publisher.Schedule(document.Path, TimeSpan.Zero);
        }
    }
}
