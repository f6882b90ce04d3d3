using MapLang.Runtime.Mapping;

namespace MapLang.Host.Runner;

/// <summary>
/// Answers <c>lookup(key)</c> from the run's checkpoints (<c>lookup:{name}:{key}</c>); an unknown key stops the map with
/// <see cref="LookupPendingException"/>. Names without a configured resolver fall back to the static values.
/// </summary>
public sealed class RecordedLookupResolver(RunCheckpoints checkpoints, Func<string, bool> isResolvable, ILookupResolver? fallback) : ILookupResolver
{
    public static string Key(string name, string key) => $"lookup:{name}:{key}";

    public string? Resolve(string name, string key)
    {
        if (checkpoints.Get(Key(name, key)) is { } known) return known;
        if (isResolvable(name)) throw new LookupPendingException(name, key);
        return fallback?.Resolve(name, key);
    }
}
