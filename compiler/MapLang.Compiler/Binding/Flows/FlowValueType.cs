using MapLang.Schemas.Model;

namespace MapLang.Compiler.Binding.Flows;

/// <summary>What a flow variable or path holds, as far as the schemas say: a record, a list, a value, or unknown (not checked).</summary>
public abstract record FlowValueType
{
    public static readonly FlowValueType Unknown = new UnknownFlowType();

    public abstract string Display { get; }

    /// <summary>The flow type of a schema field's type, records resolved in the entity's own system.</summary>
    public static FlowValueType Of(SchemaType type, EntitySchema owner, SchemaCatalog schemas, bool source) => type switch
    {
        RecordRefType r => schemas.FindSystem(owner.System)?.FindEntity(r.EntityName) is { } e ? new RecordFlowType(e, source) : Unknown,
        ListType l => new ListFlowType(Of(l.Element, owner, schemas, source)),
        AnyType => Unknown,
        _ => new ValueFlowType(type),
    };
}

public sealed record UnknownFlowType : FlowValueType
{
    public override string Display => "unknown";
}

/// <summary>A record of an entity; <see cref="IsSource"/> when read as a store or connector gives it (its source fields).</summary>
public sealed record RecordFlowType(EntitySchema Entity, bool IsSource) : FlowValueType
{
    public override string Display => Entity.QualifiedName;
    public IReadOnlyList<FieldSchema> Fields => IsSource ? Entity.SourceFields : Entity.Fields;
    public FieldSchema? Find(string name) => IsSource ? Entity.FindSourceField(name) : Entity.FindField(name);
}

public sealed record ListFlowType(FlowValueType Element) : FlowValueType
{
    public override string Display => $"list<{Element.Display}>";
}

public sealed record ValueFlowType(SchemaType Type) : FlowValueType
{
    public override string Display => Type.Display;
}
