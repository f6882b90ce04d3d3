namespace MapLang.Host.Runner;

/// <summary>
/// Thrown by <see cref="RecordedLookupResolver"/> inside a map when a <c>lookup(key)</c> has no answer yet: the runner resolves it
/// (asynchronously, checkpointed) and maps again. Not a MappingException, so it is never dead-lettered as bad data.
/// </summary>
public sealed class LookupPendingException(string name, string key) : Exception($"lookup({key}) for {name} is being resolved")
{
    public string Name { get; } = name;
    public string Key { get; } = key;
}
