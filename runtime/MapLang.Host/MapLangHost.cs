using System.Text.Json;
using MapLang.Host.Configuration;
using MapLang.Host.Connectors;
using MapLang.Host.Flows;
using MapLang.Host.Mapping;
using MapLang.Host.Observability;
using MapLang.Host.Runner;
using MapLang.Host.Store;
using MapLang.Host.Web;
using MapLang.Runtime.Mapping;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MapLang.Host;

/// <summary>
/// The runtime host: compiles the project's maps, opens the store, builds the connectors and serves the webhook, health, metrics
/// and admin endpoints while <see cref="FlowWorker"/> and <see cref="OutboxWorker"/> run the flows.
/// </summary>
public sealed class MapLangHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MapLangHost(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");
    public IServiceProvider Services => _app.Services;

    public static async Task<MapLangHost> StartAsync(MapLangHostOptions options, CancellationToken cancellationToken = default)
    {
        var project = Path.GetFullPath(options.ProjectPath);
        var configFile = options.ConfigPath is { } c ? Path.GetFullPath(c) : Path.Combine(project, "maplang.json");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = project, Args = [] });
        builder.Configuration.AddJsonFile(Path.Combine(project, "appsettings.json"), optional: true)
            .AddJsonFile(configFile, optional: options.ConfigPath is null)
            .AddEnvironmentVariables("MAPLANG_");
        var settings = builder.Configuration.Get<HostSettings>() ?? new HostSettings();
        // The configured flows; those of the .map files come with each compiled version of the maps (FlowCatalog joins them).
        IReadOnlyList<FlowDefinition> configuredFlows = File.Exists(configFile) ? ReadFlows(configFile) : [];

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.WebHost.UseUrls(options.Urls ?? settings.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = settings.Webhooks.MaxBodyBytes;
        });

        var metrics = new HostMetrics();
        var store = FlowStoreFactory.Create(settings.Store, project);
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(settings.Workers);
        services.AddSingleton(metrics);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IFlowStore>(store);
        services.AddSingleton(sp => new FlowCatalog(configuredFlows, () => sp.GetRequiredService<MapperCatalog>().Current.Flows));
        services.AddSingleton(new WebhookGuards(settings, project));
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<IntakePressure>();
        services.AddSingleton(sp => new MapperCatalog(project, sp.GetRequiredService<ILoggerFactory>().CreateLogger<MapperCatalog>()));
        services.AddSingleton(sp => new ConnectorRegistry(ConnectorFactory.Create(settings, project, metrics, sp.GetRequiredService<ILoggerFactory>())));
        services.AddSingleton<LookupService>();
        services.AddSingleton(sp => new FlowRunner(sp.GetRequiredService<IFlowStore>(), sp.GetRequiredService<ConnectorRegistry>(),
            sp.GetRequiredService<LookupService>(), StaticLookups(settings), metrics, sp.GetRequiredService<ILogger<FlowRunner>>()));
        services.AddSingleton<FlowWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<FlowWorker>());
        services.AddHostedService<OutboxWorker>();
        services.AddHostedService(sp => new MapWatcher(project, sp.GetRequiredService<MapperCatalog>(), metrics, sp.GetRequiredService<ILogger<MapWatcher>>()));

        var app = builder.Build();
        var catalog = app.Services.GetRequiredService<MapperCatalog>();
        var connectors = app.Services.GetRequiredService<ConnectorRegistry>();
        catalog.Validate = set => FlowProblems(configuredFlows, set, connectors, Path.GetFileName(configFile));
        // Fails at start (not at the first order) when the maps have errors or a flow names a map or connection that does not exist.
        if (!catalog.Reload())
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await store.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("The maps or flows have problems:" + Environment.NewLine + string.Join(Environment.NewLine, catalog.LastDiagnostics));
        }
        var flows = app.Services.GetRequiredService<FlowCatalog>().All;

        WebhookEndpoint.Map(app);
        OpsEndpoints.Map(app);
        AdminEndpoints.Map(app, app.Services.GetRequiredService<WorkSignal>());
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var host = new MapLangHost(app);
        var address = app.Urls.First();
        host.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        app.Logger.LogInformation("MapLang host listening on {Url} with {Flows} flow(s); store {Store}", host.BaseUri, flows.Count, store is SqliteFlowStore sqlite ? sqlite.Path : "PostgreSQL");
        return host;
    }

    private static IReadOnlyList<FlowDefinition> ReadFlows(string configFile)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(configFile), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        foreach (var p in doc.RootElement.EnumerateObject())
            if (p.Name.Equals("flows", StringComparison.OrdinalIgnoreCase)) return FlowLoader.Load(p.Value);
        return [];
    }

    /// <summary>Why a compiled version's flows, joined with the configured ones, cannot run: a name defined twice, a map or connection that does not exist.</summary>
    private static IReadOnlyList<string> FlowProblems(IReadOnlyList<FlowDefinition> configured, MapperSet maps, ConnectorRegistry connectors, string configName)
    {
        var problems = new List<string>();
        var flows = configured.Concat(maps.Flows).ToList();
        foreach (var name in flows.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add($"flow '{name}' is defined twice (in {configName} and in a .map file)");
        void Walk(FlowDefinition flow, IEnumerable<FlowStep> steps)
        {
            foreach (var step in steps)
            {
                switch (step)
                {
                    case MapStep m when maps.Find(m.Mapper) is null: problems.Add($"flow {flow.Name}: no map '{m.Mapper}'"); break;
                    case FetchStep f when !connectors.TryGet(f.Connector, out _): problems.Add($"flow {flow.Name}: no connection '{f.Connector}'"); break;
                    case CallStep s when !connectors.TryGet(s.Connector, out _): problems.Add($"flow {flow.Name}: no connection '{s.Connector}'"); break;
                    case ReplyStep r when !connectors.TryGet(r.Connector, out _): problems.Add($"flow {flow.Name}: no connection '{r.Connector}'"); break;
                    case ForEachStep e: Walk(flow, e.Steps); break;
                    case ConditionStep c: Walk(flow, c.Then); Walk(flow, c.Else ?? []); break;
                }
            }
        }
        foreach (var flow in flows) Walk(flow, flow.Steps);
        return problems;
    }

    private static ILookupResolver? StaticLookups(HostSettings settings) => settings.Lookups.Count == 0 ? null
        : new DictionaryLookupResolver(settings.Lookups.ToDictionary(l => l.Key, l => (IReadOnlyDictionary<string, string>)l.Value));

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => ((IHost)_app).WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        var store = _app.Services.GetRequiredService<IFlowStore>();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await store.DisposeAsync().ConfigureAwait(false);
    }
}
