using MapLang.Sandbox.Admin;
using MapLang.Sandbox.Faults;
using MapLang.Sandbox.Infrastructure;
using MapLang.Sandbox.M3;
using MapLang.Sandbox.M3.Protocol;
using MapLang.Sandbox.Stores.Amazon;
using MapLang.Sandbox.Stores.BigCommerce;
using MapLang.Sandbox.Stores.Clarity;
using MapLang.Sandbox.Stores.Magento;
using MapLang.Sandbox.Stores.NopCommerce;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MapLang.Sandbox;

/// <summary>
/// One Kestrel host serving every simulator under its own path prefix (see docs/sandbox.md):
/// M3 at <c>/{tenant}/M3/m3api-rest</c> (ION API gateway layout) with its token at <c>/{tenant}/as/token.oauth2</c>,
/// Magento at <c>/magento/rest</c>, BigCommerce at <c>/bigcommerce/stores/{hash}</c>, nopCommerce at <c>/nopcommerce</c>,
/// Amazon at <c>/amazon</c>, Clarity at <c>/clarity</c>, and the admin/inspection API at <c>/_sandbox</c>.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxOptions _options;
    private int _stopped;

    private SandboxHost(WebApplication app, SandboxOptions options, SandboxState state)
    {
        _app = app;
        _options = options;
        State = state;
    }

    internal SandboxState State { get; }

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");
    public FaultInjector Faults => State.Faults;
    public SandboxClock Clock => State.Clock;
    public M3Simulator M3 => State.M3;
    public MagentoSimulator Magento => State.Magento;
    public BigCommerceSimulator BigCommerce => State.BigCommerce;
    public NopCommerceSimulator NopCommerce => State.NopCommerce;
    public AmazonSimulator Amazon => State.Amazon;
    public ClaritySimulator Clarity => State.Clarity;
    public RequestCounters Counters => State.Counters;

    /// <summary>The M3 base URL as a host configuration uses it: <c>{iu}/{ti}/M3/m3api-rest/</c>.</summary>
    public Uri M3BaseUri => new(BaseUri, $"{_options.M3.Tenant}/M3/m3api-rest/");
    public Uri MagentoBaseUri => new(BaseUri, "magento/rest/V1/");
    public Uri BigCommerceBaseUri => new(BaseUri, $"bigcommerce/stores/{_options.BigCommerce.StoreHash}/");
    public Uri NopCommerceBaseUri => new(BaseUri, "nopcommerce/");
    public Uri AmazonBaseUri => new(BaseUri, "amazon/");
    public Uri ClarityBaseUri => new(BaseUri, "clarity/api/");

    /// <summary>The .ionapi file a host configuration points at for this sandbox.</summary>
    public string IonApiJson() => IonApiFile.Create(_options.M3, BaseUri);

    public static async Task<SandboxHost> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        var state = SandboxState.Create(options);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(state.Faults);
        builder.Services.AddSingleton(state.Tokens);
        builder.Services.AddSingleton(state.Counters);
        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<FaultMiddleware>();
        M3Endpoints.Map(app, state.M3, state.Tokens);
        MagentoEndpoints.Map(app, state.Magento, state.Tokens);
        BigCommerceEndpoints.Map(app, state.BigCommerce);
        NopCommerceEndpoints.Map(app, state.NopCommerce, state.Tokens);
        AmazonEndpoints.Map(app, state.Amazon, state.Tokens);
        ClarityEndpoints.Map(app, state.Clarity);
        AdminEndpoints.Map(app, state);
        await app.StartAsync(cancellationToken);
        var host = new SandboxHost(app, options, state);
        var address = app.Urls.First();
        host.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        state.BaseUri = host.BaseUri;
        state.Amazon.BaseUri = host.BaseUri;
        return host;
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        await State.BigCommerce.Webhooks.DisposeAsync();

        await _app.StopAsync();
        if (_options.StatePath is { } path) StatePersistence.Save(State.M3.Data, path);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
