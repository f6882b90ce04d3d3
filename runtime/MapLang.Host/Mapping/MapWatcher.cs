using MapLang.Host.Observability;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Mapping;

/// <summary>Hot reload: watches the project folder for changed .map/.mlschema files and recompiles after a short quiet period.</summary>
public sealed class MapWatcher(string projectPath, MapperCatalog catalog, HostMetrics metrics, ILogger<MapWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Directory.Exists(projectPath)) return;
        var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(projectPath) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
        void OnChange(object? _, FileSystemEventArgs e)
        {
            if (e.FullPath.EndsWith(".map", StringComparison.Ordinal) || e.FullPath.EndsWith(".mlschema", StringComparison.Ordinal)) changed.Release();
        }
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += (s, e) => OnChange(s, e);
        watcher.EnableRaisingEvents = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            await changed.WaitAsync(stoppingToken).ConfigureAwait(false);
            // Editors write in several steps: wait until the files are quiet.
            do await Task.Delay(Quiet, stoppingToken).ConfigureAwait(false);
            while (changed.Wait(0));
            logger.LogInformation("Map files changed; recompiling");
            var ok = await Task.Run(catalog.Reload, stoppingToken).ConfigureAwait(false);
            metrics.Increment("maplang_reloads_total", HostMetrics.Label("result", ok ? "ok" : "errors"));
        }
    }
}
