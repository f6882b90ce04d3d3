using MapLang.Schemas.Model;

namespace MapLang.Compiler.TypeSystem;

/// <summary>Turns schema field types into MapLang types.</summary>
public static class SchemaTypes
{
    /// <summary>The type of a field: when read from a source, null where the source may omit it; when written, null where not required.</summary>
    public static MapType OfField(FieldSchema field, SystemSchema system, RecordRole role)
    {
        var nullable = role == RecordRole.Source ? field.Nullable : !field.Required;
        return Of(field.Type, system, role, nullable);
    }

    public static MapType Of(SchemaType type, SystemSchema system, RecordRole role, bool nullable) => type switch
    {
        StringType s => MapType.String with { MaxLength = s.MaxLength, IsNullable = nullable },
        IntType i => MapType.Int with { Digits = i.Digits, IsNullable = nullable },
        DecimalType d => MapType.Decimal with { Digits = d.Precision, Scale = d.Scale, IsNullable = nullable },
        BoolType => MapType.Bool.WithNullability(nullable),
        DateType d => MapType.Date with { Format = d.Format, IsNullable = nullable },
        DateTimeType d => MapType.DateTime with { Format = d.Format, IsNullable = nullable },
        EnumRefType e => system.FindEnum(e.EnumName) is { } en ? new MapType(TypeKind.Enum, nullable) { Enum = en } : MapType.Any,
        RecordRefType r => system.FindEntity(r.EntityName) is { } entity ? MapType.RecordOf(entity, role, nullable) : MapType.Any,
        ListType l => MapType.ListOf(Of(l.Element, system, role, false), nullable),
        _ => MapType.Any,
    };
}
