using MapLang.Sandbox;

namespace MapLang.Host.Tests.Stores;

/// <summary>One sandbox and one host with every store flow, shared by the store test classes (they run one after the other).</summary>
public sealed class StoresFixture : IAsyncLifetime
{
    private StoresProject? _project;

    public SandboxHost Sandbox { get; private set; } = null!;
    public MapLangHost Host { get; private set; } = null!;
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxHost.StartAsync();
        _project = new StoresProject(Sandbox);
        Host = await MapLangHost.StartAsync(new MapLangHostOptions { ProjectPath = _project.Directory, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Sandbox.DisposeAsync();
        Http.Dispose();
        _project?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class StoresCollection : ICollectionFixture<StoresFixture>
{
    public const string Name = "stores";
}
