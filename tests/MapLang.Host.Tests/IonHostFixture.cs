using System.Text.Json.Nodes;
using MapLang.Host.Store;
using MapLang.Sandbox;

namespace MapLang.Host.Tests;

/// <summary>
/// A host whose project has an <c>ion</c> connection (shared secret) and two flows of SyncPurchaseOrder BODs posted to
/// <c>/webhooks/ion/PurchaseOrder</c>, one run per BODID each, both written in <c>Project/Ion</c>: the compiler names the BOD's
/// lines a list because the flow's <c>as</c> entity declares them one.
/// </summary>
public sealed class IonHostFixture : IAsyncLifetime
{
    public const string Secret = "test-ion-secret";
    public const string FlowName = "PurchaseOrdersFromM3";
    public const string LinesFlowName = "PurchaseOrderLinesFromM3";

    private SandboxHost? _sandbox;
    private TestProject? _project;

    public MapLangHost Host { get; private set; } = null!;
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public IFlowStore Store => (IFlowStore)Host.Services.GetService(typeof(IFlowStore))!;

    /// <summary>The real BOD envelope kept under reference/ (see its README for the source).</summary>
    public static string SampleBod()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "reference", "m3"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("reference/m3 not found above " + AppContext.BaseDirectory);
        return File.ReadAllText(Path.Combine(dir.FullName, "reference", "m3", "examples", "bod-envelope-SyncPurchaseOrder.xml"));
    }

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync();
        _project = new TestProject(_sandbox);
        var configPath = Path.Combine(_project.Directory, "maplang.json");
        var config = JsonNode.Parse(File.ReadAllText(configPath))!.AsObject();
        config["connections"]!["ion"] = new JsonObject
        {
            ["type"] = "ion", ["webhook"] = new JsonObject { ["secretHeader"] = "X-ION-Secret", ["secret"] = Secret },
        };
        File.WriteAllText(configPath, config.ToJsonString());
        var source = Path.Combine(AppContext.BaseDirectory, "Project", "Ion");
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(_project.Directory, Path.GetFileName(file)));
        Host = await MapLangHost.StartAsync(new MapLangHostOptions { ProjectPath = _project.Directory, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning });
    }

    /// <summary>POSTs a BOD to <c>/webhooks/ion/{noun}</c> with the ion connection's secret.</summary>
    public Task<HttpResponseMessage> PostAsync(string noun, string body, string contentType = "application/xml")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Host.BaseUri, $"webhooks/ion/{noun}")) { Content = new StringContent(body) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-ION-Secret", Secret);
        return Http.SendAsync(request);
    }

    /// <summary>The runs of an ION flow in every state.</summary>
    public async Task<List<FlowRun>> RunsAsync(string flow = FlowName)
    {
        var runs = new List<FlowRun>();
        foreach (var status in Enum.GetValues<RunStatus>()) runs.AddRange(await Store.ListAsync(status, 1000));
        return runs.Where(r => r.Flow == flow).ToList();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_sandbox is not null) await _sandbox.DisposeAsync();
        Http.Dispose();
        _project?.Dispose();
    }
}
