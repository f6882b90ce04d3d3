using MapLang.Host.Flows;
using MapLang.Runtime.Mapping;

namespace MapLang.Host.Mapping;

/// <summary>One compiled version of a project's maps (and flows). A run takes the current set when it starts and keeps it to the end.</summary>
public sealed class MapperSet(int version, IReadOnlyList<IMapper> mappers, DateTimeOffset compiledAt)
{
    private readonly Dictionary<string, IMapper> _byName = mappers.ToDictionary(m => m.Name, StringComparer.Ordinal);

    public int Version { get; } = version;
    public DateTimeOffset CompiledAt { get; } = compiledAt;
    public IReadOnlyCollection<string> Names => _byName.Keys;

    public IMapper? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The flows written in the .map files (compiled with the maps); the host merges them with the configured ones at start.</summary>
    public IReadOnlyList<FlowDefinition> Flows { get; init; } = [];
}
