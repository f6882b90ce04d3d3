namespace MapLang.Runtime.Mapping;

/// <summary>
/// Resolves <c>lookup(key)</c> assignments: the host finds the value of a target field by a key,
/// e.g. <c>M3.OIS100.CUNO</c> by the customer's e-mail address.
/// </summary>
public interface ILookupResolver
{
    /// <summary>The value, or null when there is none (the mapping then fails with a readable reason).</summary>
    string? Resolve(string name, string key);
}
