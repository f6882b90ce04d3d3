namespace MapLang.Sandbox.Tests.Support;

/// <summary>One sandbox per test class, on 127.0.0.1 with a random port.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SandboxHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SandboxHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
