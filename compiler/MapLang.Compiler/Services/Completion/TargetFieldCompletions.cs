using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Completion;

/// <summary>At the start of a map member: the target's fields not yet assigned (required ones first), then let and require.</summary>
internal static class TargetFieldCompletions
{
    public static IEnumerable<CompletionItem> For(MapContext map, int position, TextSpan replace)
    {
        if (map.Target is { } target)
        {
            var assigned = map.AssignedFields(position);
            foreach (var field in target.Fields)
            {
                if (assigned.Contains(field.Name)) continue;
                yield return new CompletionItem(field.Name, CompletionKind.TargetField,
                    FieldText.Detail(field, target.System, asTarget: true),
                    FieldText.Markdown(target, field, asTarget: true),
                    $"{field.Name} = $0", true, (field.Required ? "0" : "1") + field.Name, replace);
            }
        }
        yield return new CompletionItem("let", CompletionKind.Keyword, "a local value", "`let name = expression`", "let ${1:name} = $0", true, "2let", replace);
        yield return new CompletionItem("require", CompletionKind.Keyword, "a condition the record must meet",
            "`require(condition, \"message\")` stops the mapping with the message when the condition is false.",
            "require(${1:condition}, \"${2:message}\")", true, "2require", replace);
    }
}
