using MapLang.Compiler.Binding;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Services.Hover;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.InlayHints;

/// <summary>A short text shown after <see cref="Position"/>.</summary>
public sealed record InlayHint(int Position, string Label, string? Tooltip);

/// <summary>The M3 meaning beside cryptic field codes: <c>CUNO</c> → "Customer number", on assignments and reads of M3 fields.</summary>
public static class InlayHintService
{
    public static IReadOnlyList<InlayHint> GetHints(DocumentAnalysis analysis, TextSpan range)
    {
        var hints = new List<InlayHint>();
        foreach (var reference in analysis.Model.References.OfType<FieldUse>())
        {
            if (reference.Entity.System != "M3" || !range.Touches(reference.Span.Start)) continue;
            if (!M3Glossary.LooksLikeM3Field(reference.Field.Name)) continue;
            var description = reference.Field.Description?.Trim();
            if (string.IsNullOrEmpty(description)) description = M3Glossary.Meaning(analysis.Schemas, reference.Field.Name);
            if (string.IsNullOrEmpty(description)) continue;
            hints.Add(new InlayHint(reference.Span.End, description.Length > 40 ? description[..39] + "…" : description,
                $"{reference.Entity.QualifiedName}.{reference.Field.Name}: {description} ({reference.Field.Type.Display})"));
        }
        return hints.DistinctBy(h => h.Position).OrderBy(h => h.Position).ToArray();
    }
}
