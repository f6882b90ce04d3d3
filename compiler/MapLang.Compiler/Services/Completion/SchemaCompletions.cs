using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Services.Completion;

/// <summary>Connectors (after <c>use</c>, in map headers) and their entities (after <c>System.</c>).</summary>
internal static class SchemaCompletions
{
    public static IEnumerable<CompletionItem> Connectors(SchemaCatalog schemas, IReadOnlySet<string> used, bool usedFirst, bool skipUsed, TextSpan replace)
    {
        foreach (var system in schemas.Systems.Values)
        {
            if (skipUsed && used.Contains(system.Name)) continue;
            var rank = usedFirst && used.Contains(system.Name) ? "0" : "1";
            yield return new CompletionItem(system.Name, CompletionKind.Connector, system.Description, system.Description,
                system.Name, false, rank + system.Name, replace);
        }
    }

    public static IEnumerable<CompletionItem> Entities(SchemaCatalog schemas, string systemName, TextSpan replace)
    {
        if (schemas.FindSystem(systemName) is not { } system) yield break;
        foreach (var entity in system.Entities.Values)
        {
            var doc = entity.Description ?? "";
            if (entity.WritesThrough.Count > 0) doc += $"\n\nWritten through {string.Join(", ", entity.WritesThrough)}.";
            if (entity.ReadsThrough.Count > 0) doc += $"\n\nRead through {string.Join(", ", entity.ReadsThrough)}.";
            // Entity views (M3.OIS100) before single transactions (M3.OIS100MI.AddBatchHead): views are what maps usually target.
            var rank = entity.Name.Contains('.') ? "1" : "0";
            yield return new CompletionItem(entity.Name, CompletionKind.Entity, entity.Description, doc.Trim(), entity.Name, false, rank + entity.Name, replace);
        }
    }

    /// <summary>The system named before <c>System.</c> in a map header, and where the entity name starts, when the dot at <paramref name="dot"/> is in one.</summary>
    public static (string System, int EntityStart)? HeaderSystem(TokenNavigator tokens, int dot)
    {
        var i = dot - 1;
        var firstIdentifier = -1;
        while (i >= 0 && (tokens[i].Kind is SyntaxTokenKind.Identifier || tokens[i].Text == "."))
        {
            if (tokens[i].Kind is SyntaxTokenKind.Identifier) firstIdentifier = i;
            i--;
        }
        if (firstIdentifier < 0 || i < 0) return null;
        var before = tokens[i];
        // A map header (map A.B -> C.D, map Name: A.B -> …) or a flow's `as System.Entity` (trigger, fetch).
        var inHeader = before.Text is "map" or "->" or "as" || before.Text == ":" && i >= 2 && tokens[i - 2].Text == "map";
        if (!inHeader) return null;
        return (tokens[firstIdentifier].Text, tokens[firstIdentifier + 1].Span.End);
    }
}
