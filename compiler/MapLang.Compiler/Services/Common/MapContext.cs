using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Services.Common;

/// <summary>The map a position is in, with its entities resolved straight from the schemas (so that a half-typed body still knows them).</summary>
public sealed record MapContext(MapSyntax Syntax, EntitySchema? Source, EntitySchema? Target, bool InBody)
{
    public static MapContext? At(DocumentAnalysis analysis, int position)
    {
        foreach (var map in analysis.Tree.Root.Declarations.OfType<MapSyntax>().Reverse())
        {
            if (map.Span.Start >= position) continue;
            var body = map.BodySpan;
            var hasOpen = body.Length > 0 && analysis.Text.Text[body.Start] == '{';
            var closed = hasOpen && body.Length > 1 && analysis.Text.Text[body.End - 1] == '}';
            var inBody = hasOpen && position > body.Start && (!closed || position < body.End);
            var inHeader = position <= (hasOpen ? body.Start : map.Span.End);
            if (!inBody && !inHeader) return null;
            return new MapContext(map, Resolve(analysis.Schemas, map.Source), Resolve(analysis.Schemas, map.Target), inBody);
        }
        return null;
    }

    public static EntitySchema? Resolve(SchemaCatalog schemas, QualifiedNameSyntax name)
    {
        if (name.Parts.Count < 2 || schemas.FindSystem(name.Parts[0].Text) is not { } system) return null;
        var entityName = string.Join('.', name.Parts.Skip(1).Select(p => p.Text));
        if (system.FindEntity(entityName) is { } entity) return entity;
        return system.Misnomers.TryGetValue(entityName, out var misnomer) ? system.FindEntity(misnomer.Instead) : null;
    }

    /// <summary>Target fields assigned in the body, except the one being typed at <paramref name="position"/>.</summary>
    public IReadOnlySet<string> AssignedFields(int position) => Syntax.Members.OfType<AssignmentSyntax>()
        .Where(a => !a.Field.Span.Touches(position))
        .Select(a => a.Field.Text)
        .ToHashSet(StringComparer.Ordinal);

    public IEnumerable<LetSyntax> Lets => Syntax.Members.OfType<LetSyntax>().Where(l => !l.Name.IsMissing);

    public bool Contains(TextSpan span) => Syntax.Span.Contains(span);
}
