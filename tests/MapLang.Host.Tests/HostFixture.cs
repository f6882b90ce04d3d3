using MapLang.Sandbox;

namespace MapLang.Host.Tests;

/// <summary>A sandbox and an in-process host on it, shared by the tests of one class.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    private TestProject? _project;

    public SandboxHost Sandbox { get; private set; } = null!;
    public MapLangHost Host { get; private set; } = null!;
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    internal TestProject Project => _project!;

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxHost.StartAsync();
        _project = new TestProject(Sandbox);
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
