namespace MapLang.Runtime.Mapping;

/// <summary>What a running map may ask its host for: values resolved by <c>lookup(key)</c>.</summary>
public sealed class MapContext(ILookupResolver? resolver = null)
{
    public static readonly MapContext Empty = new();

    public string Lookup(string name, string key)
    {
        if (resolver is null)
            throw new MappingException($"lookup({Quote(key)}) for {name}: no lookup resolver is configured; the host (or `maplang run --lookups`) must provide one.");
        return resolver.Resolve(name, key)
            ?? throw new MappingException($"lookup({Quote(key)}) for {name} found nothing.");
    }

    private static string Quote(string s) => $"\"{s}\"";
}
