using MapLang.Compiler.Binding;
using MapLang.Compiler.Text;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Services.Completion;

/// <summary>After a dot: a record's fields, a list's operations, a group's key and items.</summary>
internal static class MemberCompletions
{
    public static IEnumerable<CompletionItem> For(MapType receiver, TextSpan replace)
    {
        switch (receiver.Kind)
        {
            case TypeKind.Record when receiver.Entity is { } entity && receiver.Role == RecordRole.Source:
                return ExpressionCompletions.SourceFields(entity, "0", replace);
            case TypeKind.List:
                return CollectionOperations.Names.Select(name => new CompletionItem(name, CompletionKind.Operation,
                    $"list operation on {receiver.Display}", CollectionOperations.Doc(name),
                    name is "count" or "first" or "any" or "sum" ? $"{name}($0)" : $"{name}(${{1}})", true, "0" + name, replace));
            case TypeKind.Group:
                return
                [
                    new CompletionItem("key", CompletionKind.Field, receiver.Key?.Display, "The key the items were grouped by.", "key", false, "0key", replace),
                    new CompletionItem("items", CompletionKind.Field, receiver.Element is null ? null : $"list<{receiver.Element.Display}>", "The items of the group.", "items", false, "0items", replace),
                ];
            default:
                return [];
        }
    }
}
