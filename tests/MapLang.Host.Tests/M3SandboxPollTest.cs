using System.Globalization;
using System.Text.Json.Nodes;
using MapLang.Host.Connectors.M3;
using MapLang.Host.Observability;
using MapLang.Host.Resilience;
using MapLang.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace MapLang.Host.Tests;

/// <summary>
/// What the tests of the M3 poll sources share: the in-process sandbox, an M3 client on it over HTTP, store orders written as the
/// order flows write them, and the host's first watermark.
/// </summary>
public abstract class M3SandboxPollTest : IAsyncLifetime
{
    protected SandboxHost Sandbox { get; private set; } = null!;
    protected M3Client Client { get; private set; } = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxHost.StartAsync();
        var ion = IonApiCredentials.Parse(Sandbox.IonApiJson());
        Client = new M3Client(new ResilientHttp(_http, "m3", new ResilienceSettings(), new HostMetrics()),
            new M3Settings { BaseUri = ion.M3BaseUri, IonApi = ion, Cono = "100" }, new IonApiTokenProvider(_http, ion), NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        _http.Dispose();
    }

    protected M3Connector NewConnector() => new("m3", Client, NullLogger.Instance);

    /// <summary>The host's first watermark: its now (here the sandbox's, the same clock), whole seconds.</summary>
    protected string Now()
    {
        var now = Sandbox.Clock.UtcNow.UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }

    protected static Dictionary<string, string> Only(string ortp) => new() { ["ORTP"] = ortp };

    /// <summary>A store order as the order flows write it: CUOR the store's order id, CUPO each line's id, ORTP the store's type.</summary>
    protected async Task<string> StoreOrderAsync(string ortp, string cuor, params (string Itno, string Cupo)[] lines)
    {
        var temp = (await Client.ExecuteAsync("OIS100MI", "AddBatchHead", new Dictionary<string, string>
            { ["CUNO"] = "10001", ["ORTP"] = ortp, ["CUOR"] = cuor }, true, null, CancellationToken.None)).First("ORNO")!;
        foreach (var (itno, cupo) in lines)
            await Client.ExecuteAsync("OIS100MI", "AddBatchLine", new Dictionary<string, string>
                { ["ORNO"] = temp, ["ITNO"] = itno, ["ORQT"] = "1", ["CUPO"] = cupo }, true, null, CancellationToken.None);
        return (await Client.ExecuteAsync("OIS100MI", "Confirm", new Dictionary<string, string> { ["ORNO"] = temp }, true, null, CancellationToken.None)).First("ORNO")!;
    }

    protected async Task<string> OrderHeadFieldAsync(string orno, string field) =>
        (await Client.ExecuteAsync("OIS100MI", "GetHead", new Dictionary<string, string> { ["ORNO"] = orno }, false, null, CancellationToken.None)).First(field)!;

    protected static string Text(JsonNode? node, string field) => node![field]!.GetValue<string>();
}
