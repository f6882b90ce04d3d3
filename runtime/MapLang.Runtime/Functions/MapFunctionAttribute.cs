namespace MapLang.Runtime.Functions;

/// <summary>
/// Exposes a public static method to <c>.map</c> files under <see cref="Name"/>.
/// Parameter and return types must be language types: <c>string</c>, <c>long</c>, <c>decimal</c>,
/// <c>bool</c>, <c>DateOnly</c>, <c>DateTimeOffset</c> (each optionally nullable) or
/// <c>IReadOnlyList&lt;T&gt;</c> of those. Nullable reference annotations are read by the compiler:
/// a <c>string?</c> result is a possibly-null value. Several overloads may share one name.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class MapFunctionAttribute(string name, string doc) : Attribute
{
    public string Name { get; } = name;

    /// <summary>One or two sentences shown on hover and in completion.</summary>
    public string Doc { get; } = doc;
}
