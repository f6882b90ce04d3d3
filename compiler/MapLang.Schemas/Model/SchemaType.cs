namespace MapLang.Schemas.Model;

/// <summary>The type of a connector field, as a schema file declares it.</summary>
public abstract record SchemaType
{
    /// <summary>The type as written in a schema file, e.g. <c>string(10)</c> or <c>list&lt;OrderItem&gt;</c>.</summary>
    public abstract string Display { get; }

    public sealed override string ToString() => Display;
}

/// <summary>Text; <see cref="MaxLength"/> counts UTF-16 code units, as M3 and the stores do.</summary>
public sealed record StringType(int? MaxLength = null) : SchemaType
{
    public override string Display => MaxLength is { } n ? $"string({n})" : "string";
}

/// <summary>A whole number; <see cref="Digits"/> is the M3 field length (N type) when known.</summary>
public sealed record IntType(int? Digits = null) : SchemaType
{
    public override string Display => Digits is { } n ? $"int({n})" : "int";
}

/// <summary>A decimal number (money, quantities); never binary floating point.</summary>
public sealed record DecimalType(int? Precision = null, int? Scale = null) : SchemaType
{
    public override string Display => (Precision, Scale) switch
    {
        ({ } p, { } s) => $"decimal({p},{s})",
        ({ } p, null) => $"decimal({p})",
        _ => "decimal",
    };
}

public sealed record BoolType : SchemaType
{
    public static readonly BoolType Instance = new();
    public override string Display => "bool";
}

/// <summary>A calendar date. <see cref="Format"/> is the wire format, e.g. <c>yyyyMMdd</c> for M3 (ISO 8601 when null).</summary>
public sealed record DateType(string? Format = null) : SchemaType
{
    public override string Display => Format is { } f ? $"date(\"{f}\")" : "date";
}

/// <summary>A point in time with an offset. <see cref="Format"/> is the wire format, e.g. Magento's <c>yyyy-MM-dd HH:mm:ss</c> (ISO 8601 when null).</summary>
public sealed record DateTimeType(string? Format = null) : SchemaType
{
    public override string Display => Format is { } f ? $"datetime(\"{f}\")" : "datetime";
}

/// <summary>A reference to an enum declared in the same system.</summary>
public sealed record EnumRefType(string EnumName) : SchemaType
{
    public override string Display => EnumName;
}

/// <summary>A reference to a record (entity) declared in the same system.</summary>
public sealed record RecordRefType(string EntityName) : SchemaType
{
    public override string Display => EntityName;
}

public sealed record ListType(SchemaType Element) : SchemaType
{
    public override string Display => $"list<{Element.Display}>";
}

/// <summary>Free-form JSON the schema does not describe (e.g. extension attributes); readable only as text.</summary>
public sealed record AnyType : SchemaType
{
    public static readonly AnyType Instance = new();
    public override string Display => "any";
}
