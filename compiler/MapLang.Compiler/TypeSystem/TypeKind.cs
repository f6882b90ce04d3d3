namespace MapLang.Compiler.TypeSystem;

public enum TypeKind
{
    /// <summary>A value whose binding failed; it fits everywhere so that one mistake gives one diagnostic.</summary>
    Error,
    /// <summary>The type of <c>fail(...)</c>: it never produces a value, so it fits everywhere.</summary>
    Never,
    /// <summary>The type of the <c>null</c> literal.</summary>
    Null,
    String,
    Int,
    Decimal,
    Bool,
    Date,
    DateTime,
    Enum,
    Record,
    List,
    Group,
    /// <summary>JSON the schema does not describe; readable as text.</summary>
    Any,
}

/// <summary>Whether a record is read (a map's source, a payload) or produced (a map's result).</summary>
public enum RecordRole { Source, Target }
