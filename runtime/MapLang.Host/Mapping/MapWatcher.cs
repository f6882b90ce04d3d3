using MapLang.Host.Observability;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Mapping;

/// <summary>Hot reload: watches the project folder for changed .map/.mlschema files and recompiles after a short quiet period.</summary>
public sealed class MapWatcher(string projectPath, MapperCatalog catalog, HostMetrics metrics, ILogger<MapWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private readonly SemaphoreSlim _changed = new(0);
    private FileSystemWatcher? _watcher;

    /// <summary>The watcher starts with the host (ExecuteAsync runs later, in the background), so no change after start is missed.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(projectPath))
        {
            _watcher = new FileSystemWatcher(projectPath) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            _watcher.Changed += OnChange;
            _watcher.Created += OnChange;
            _watcher.Deleted += OnChange;
            _watcher.Renamed += (s, e) => OnChange(s, e);
            _watcher.EnableRaisingEvents = true;
        }
        return base.StartAsync(cancellationToken);
    }

    private void OnChange(object? sender, FileSystemEventArgs e)
    {
        if (e.FullPath.EndsWith(".map", StringComparison.Ordinal) || e.FullPath.EndsWith(".mlschema", StringComparison.Ordinal)) _changed.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_watcher is null) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await _changed.WaitAsync(stoppingToken).ConfigureAwait(false);
            // Editors write in several steps: wait until the files are quiet.
            do await Task.Delay(Quiet, stoppingToken).ConfigureAwait(false);
            while (_changed.Wait(0));
            logger.LogInformation("Map files changed; recompiling");
            var ok = await Task.Run(catalog.Reload, stoppingToken).ConfigureAwait(false);
            metrics.Increment("maplang_reloads_total", HostMetrics.Label("result", ok ? "ok" : "errors"));
        }
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        _changed.Dispose();
        base.Dispose();
    }
}
