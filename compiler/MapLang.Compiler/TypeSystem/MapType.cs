using MapLang.Schemas.Model;

namespace MapLang.Compiler.TypeSystem;

/// <summary>The type of a MapLang value, with nullability and the schema facts (length, format) that checks use.</summary>
public sealed record MapType(TypeKind Kind, bool IsNullable = false)
{
    public static readonly MapType Error = new(TypeKind.Error, true);
    public static readonly MapType Never = new(TypeKind.Never);
    public static readonly MapType Null = new(TypeKind.Null, true);
    public static readonly MapType String = new(TypeKind.String);
    public static readonly MapType Int = new(TypeKind.Int);
    public static readonly MapType Decimal = new(TypeKind.Decimal);
    public static readonly MapType Bool = new(TypeKind.Bool);
    public static readonly MapType Date = new(TypeKind.Date);
    public static readonly MapType DateTime = new(TypeKind.DateTime);
    public static readonly MapType Any = new(TypeKind.Any, true);

    /// <summary>For text: the most characters a value can have, when known.</summary>
    public int? MaxLength { get; init; }
    /// <summary>For int: the M3 field length in digits; for decimal: the precision.</summary>
    public int? Digits { get; init; }
    public int? Scale { get; init; }
    /// <summary>For date and datetime: the wire format (null is ISO 8601).</summary>
    public string? Format { get; init; }
    public EnumSchema? Enum { get; init; }
    public EntitySchema? Entity { get; init; }
    public RecordRole Role { get; init; }
    /// <summary>For lists: the element type; for groups: the type of the grouped items.</summary>
    public MapType? Element { get; init; }
    /// <summary>For groups: the key's type.</summary>
    public MapType? Key { get; init; }

    public static MapType ListOf(MapType element, bool nullable = false) => new(TypeKind.List, nullable) { Element = element };
    public static MapType GroupOf(MapType key, MapType element) => new(TypeKind.Group) { Key = key, Element = element };
    public static MapType RecordOf(EntitySchema entity, RecordRole role, bool nullable = false) => new(TypeKind.Record, nullable) { Entity = entity, Role = role };

    public bool IsError => Kind == TypeKind.Error;
    public bool IsNumeric => Kind is TypeKind.Int or TypeKind.Decimal;
    public bool IsPrimitive => Kind is TypeKind.String or TypeKind.Int or TypeKind.Decimal or TypeKind.Bool or TypeKind.Date or TypeKind.DateTime or TypeKind.Enum;

    /// <summary>What an enum carries on the wire: text, or a number for numeric enums (nopCommerce, BigCommerce status_id).</summary>
    public TypeKind UnderlyingKind => Kind == TypeKind.Enum ? (Enum!.IsNumeric ? TypeKind.Int : TypeKind.String) : Kind;

    public MapType WithNullability(bool nullable) => nullable == IsNullable || Kind is TypeKind.Error or TypeKind.Null ? this : this with { IsNullable = nullable };
    public MapType AsNullable() => WithNullability(true);
    public MapType AsNonNull() => WithNullability(false);

    /// <summary>The same kind of value, ignoring nullability and facts like length or format.</summary>
    public bool HasSameShape(MapType other) => Kind == other.Kind && Kind switch
    {
        TypeKind.Enum => ReferenceEquals(Enum, other.Enum) || Enum?.Name == other.Enum?.Name && Enum?.System == other.Enum?.System,
        TypeKind.Record => Entity?.QualifiedName == other.Entity?.QualifiedName && Role == other.Role,
        TypeKind.List => Element!.HasSameShape(other.Element!),
        TypeKind.Group => Key!.HasSameShape(other.Key!) && Element!.HasSameShape(other.Element!),
        _ => true,
    };

    public string Display
    {
        get
        {
            var core = Kind switch
            {
                TypeKind.Error => "?",
                TypeKind.Never => "never",
                TypeKind.Null => "null",
                TypeKind.String => MaxLength is { } n ? $"string({n})" : "string",
                TypeKind.Int => Digits is { } d ? $"int({d})" : "int",
                TypeKind.Decimal => Digits is { } p ? (Scale is { } s ? $"decimal({p},{s})" : $"decimal({p})") : "decimal",
                TypeKind.Bool => "bool",
                TypeKind.Date => "date",
                TypeKind.DateTime => "datetime",
                TypeKind.Enum => $"{Enum!.System}.{Enum.Name}",
                TypeKind.Record => Entity!.QualifiedName,
                TypeKind.List => $"list<{Element!.Display}>",
                TypeKind.Group => $"group<{Key!.Display}, {Element!.Display}>",
                TypeKind.Any => "any",
                _ => Kind.ToString(),
            };
            return IsNullable && Kind is not (TypeKind.Null or TypeKind.Error or TypeKind.Any) ? core + "?" : core;
        }
    }

    public override string ToString() => Display;
}
