namespace MapLang.Runtime.Mapping;

/// <summary>fail(...) and require(...) of a .map file: a mapping error the host dead-letters with its location.</summary>
public static class Failure
{
    public static MappingException Create(string? message, string location) =>
        new($"{(string.IsNullOrEmpty(message) ? "The mapping failed" : message)} (at {location})");

    /// <summary>fail(...) where a value of type <typeparamref name="T"/> is expected.</summary>
    public static T Raise<T>(string? message, string location) => throw Create(message, location);
}
