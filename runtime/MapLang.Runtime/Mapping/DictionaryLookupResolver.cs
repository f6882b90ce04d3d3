namespace MapLang.Runtime.Mapping;

/// <summary>Lookups from fixed values: name (e.g. <c>M3.OIS100.CUNO</c>, or just <c>CUNO</c>) → key → value.</summary>
public sealed class DictionaryLookupResolver(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> values) : ILookupResolver
{
    public string? Resolve(string name, string key)
    {
        if (values.TryGetValue(name, out var byKey) && byKey.TryGetValue(key, out var value)) return value;
        var shortName = name[(name.LastIndexOf('.') + 1)..];
        return values.TryGetValue(shortName, out byKey) && byKey.TryGetValue(key, out value) ? value : null;
    }
}
