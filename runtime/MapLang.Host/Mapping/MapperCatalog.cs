using MapLang.Compiler.Emit;
using MapLang.Compiler.Semantics;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Mapping;

/// <summary>
/// Compiles the project's .map files and holds the current <see cref="MapperSet"/>. <see cref="Reload"/> compiles again:
/// on success the new set replaces the old one for runs that start afterwards (runs in flight finish on theirs); with errors
/// the old set stays and the diagnostics are logged and kept for <c>/admin/status</c>.
/// </summary>
public sealed class MapperCatalog(string projectPath, ILogger logger)
{
    private readonly Lock _gate = new();
    private MapperSet? _current;

    public MapperSet Current => _current ?? throw new InvalidOperationException("The maps have not been compiled.");

    public IReadOnlyList<string> LastDiagnostics { get; private set; } = [];

    /// <summary>Problems that keep a compiled version from replacing the current one (e.g. its flows name a connection that does not exist).</summary>
    public Func<MapperSet, IReadOnlyList<string>>? Validate { get; set; }

    public bool Reload()
    {
        lock (_gate)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            EmitResult emitted;
            try
            {
                emitted = MapperBuilder.Build(MapProject.Compile(projectPath));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Maps under {Path} could not be read: {Message}; keeping version {Version}", projectPath, e.Message, _current?.Version);
                return false;
            }
            var diagnostics = emitted.Diagnostics.Select(d => d.ToString()).ToList();
            if (!emitted.Success)
            {
                LastDiagnostics = diagnostics;
                foreach (var d in diagnostics) logger.LogError("Map diagnostic: {Diagnostic}", d);
                logger.LogError("The maps under {Path} have errors; keeping version {Version}", projectPath, _current?.Version);
                return false;
            }
            IReadOnlyList<Flows.FlowDefinition> flows;
            try
            {
                flows = Flows.FlowLoader.Load(emitted.FlowsJson);
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
            {
                // The compiler checked the flows: this is a bug, not a mistake in the project.
                LastDiagnostics = [.. diagnostics, $"The compiled flows do not load: {e.Message}"];
                logger.LogError("The compiled flows under {Path} do not load: {Message}; keeping version {Version}", projectPath, e.Message, _current?.Version);
                return false;
            }
            var set = new MapperSet((_current?.Version ?? 0) + 1, emitted.Assembly!.Mappers, DateTimeOffset.UtcNow) { Flows = flows };
            if (Validate?.Invoke(set) is { Count: > 0 } problems)
            {
                LastDiagnostics = [.. diagnostics, .. problems];
                foreach (var problem in problems) logger.LogError("Flow problem: {Problem}", problem);
                logger.LogError("The flows under {Path} do not fit the project; keeping version {Version}", projectPath, _current?.Version);
                return false;
            }
            _current = set;
            LastDiagnostics = diagnostics;
            logger.LogInformation("Maps version {Version} compiled in {Ms} ms: {Maps}", set.Version,
                (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, string.Join(", ", set.Names));
            return true;
        }
    }
}
