namespace MapLang.Runtime.Functions;

/// <summary>
/// Marks a public static class whose <see cref="MapFunctionAttribute"/> methods are callable from
/// <c>.map</c> files. The compiler discovers such classes in the stdlib and in schema authors' own assemblies.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MapFunctionsAttribute(string category) : Attribute
{
    /// <summary>A short group name shown in completion, e.g. <c>text</c>, <c>dates</c>.</summary>
    public string Category { get; } = category;
}
