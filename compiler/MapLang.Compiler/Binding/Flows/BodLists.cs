using MapLang.Schemas.Model;

namespace MapLang.Compiler.Binding.Flows;

/// <summary>
/// The list fields of an <c>on ion "Noun" as Entity</c> flow's payload, as dotted wire paths (<c>DataArea.PurchaseOrder.PurchaseOrderLine</c>):
/// XML does not say which elements repeat, so the host makes these lists even when a BOD holds one (docs/host.md, ION BODs).
/// </summary>
public static class BodLists
{
    private const int MaxDepth = 12;

    public static IReadOnlyList<string> Of(EntitySchema entity, SchemaCatalog schemas)
    {
        var paths = new List<string>();
        Walk(entity, "", schemas, [entity.QualifiedName], paths);
        return paths;
    }

    private static void Walk(EntitySchema entity, string prefix, SchemaCatalog schemas, HashSet<string> path, List<string> paths)
    {
        if (path.Count > MaxDepth) return;
        foreach (var field in entity.SourceFields)
        {
            var at = prefix + field.WireName;
            var type = field.Type;
            if (type is ListType list)
            {
                paths.Add(at);
                type = list.Element;
            }
            if (type is RecordRefType record && schemas.FindSystem(entity.System)?.FindEntity(record.EntityName) is { } inner && path.Add(inner.QualifiedName))
            {
                Walk(inner, at + ".", schemas, path, paths);
                path.Remove(inner.QualifiedName);
            }
        }
    }
}
