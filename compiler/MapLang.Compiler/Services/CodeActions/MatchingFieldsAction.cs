using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;

namespace MapLang.Compiler.Services.CodeActions;

/// <summary>For a map under the cursor: assigns every unassigned target field from the source field of the same name.</summary>
internal static class MatchingFieldsAction
{
    public static IEnumerable<CodeAction> For(DocumentAnalysis analysis, int position)
    {
        if (MapContext.At(analysis, position) is not { Source: { } source, Target: { } target } map) yield break;
        var assigned = map.AssignedFields(-1);
        var members = target.Fields
            .Where(f => !assigned.Contains(f.Name))
            .Select(f => (Target: f, Source: source.SourceFields.FirstOrDefault(s => SameName(s.Name, f.Name))))
            .Where(p => p.Source is not null)
            .Select(p => $"{p.Target.Name} = {p.Source!.Name}")
            .ToArray();
        if (members.Length == 0 || MemberInsertion.AtEnd(analysis.Text, map.Syntax, members) is not { } edit) yield break;
        yield return new CodeAction($"Map {members.Length} field{(members.Length == 1 ? "" : "s")} with matching names", CodeActionKind.Refactor, [edit]);
    }

    /// <summary>Names match ignoring case and underscores: <c>customer_id</c> fills <c>CustomerId</c>.</summary>
    public static bool SameName(string a, string b) =>
        string.Equals(a.Replace("_", "", StringComparison.Ordinal), b.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
}
