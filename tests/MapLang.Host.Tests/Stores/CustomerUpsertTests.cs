using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapLang.Host.Connectors;
using MapLang.Host.Flows;
using MapLang.Host.Runner;
using MapLang.Host.Store;
using MapLang.Sandbox;
using MapLang.Sandbox.M3.Data;
using Microsoft.Extensions.DependencyInjection;

namespace MapLang.Host.Tests.Stores;

/// <summary>
/// Magento's <c>customer.upsert</c> call with the customer a map makes of an M3 customer: an e-mail Magento knows updates that account
/// (no second one), a new e-mail creates one, a repeated call changes nothing more; the store simulator is read over its REST API.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class CustomerUpsertTests(StoresFixture f)
{
    private IConnector Magento => ((ConnectorRegistry)f.Host.Services.GetService(typeof(ConnectorRegistry))!).Get("magento");

    private Task<List<JsonObject>> AccountsAsync(string email) => AccountsAsync(f.Http, f.Sandbox, email);

    /// <summary>The sandbox Magento's customer accounts with that e-mail (any case), read over its REST API.</summary>
    internal static async Task<List<JsonObject>> AccountsAsync(HttpClient http, SandboxHost sandbox, string email)
    {
        using var login = await http.PostAsJsonAsync(new Uri(sandbox.MagentoBaseUri, "integration/admin/token"), new { username = "admin", password = "sandbox-admin-123" });
        login.EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(sandbox.MagentoBaseUri, "customers/search?searchCriteria[pageSize]=1000"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await login.Content.ReadFromJsonAsync<string>());
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray();
        return list.OfType<JsonObject>().Where(c => string.Equals(c["email"]?.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The customer M3CustomerToMagento makes of an M3 customer.</summary>
    private static JsonObject Customer(string email, string firstname, string lastname) => new()
    {
        ["email"] = email, ["firstname"] = firstname, ["lastname"] = lastname, ["website_id"] = 1,
    };

    internal static string Text(JsonNode? node, string field) => node![field]!.ToString();

    [Fact]
    public async Task An_M3_customer_whose_e_mail_has_an_account_updates_that_account_and_a_repeat_changes_nothing_more()
    {
        var before = (await AccountsAsync(M3Seed.ExistingCustomerEmail)).ShouldHaveSingleItem("the sandbox's Magento has jdoe@example.com, as M3 does");
        var id = Text(before, "id");

        var reply = await Magento.CallAsync("customer.upsert", Customer(M3Seed.ExistingCustomerEmail, "Jane", "Roe"), null!, CancellationToken.None);
        Text(reply, "id").ShouldBe(id);
        var updated = (await AccountsAsync(M3Seed.ExistingCustomerEmail)).ShouldHaveSingleItem("no second account for one e-mail");
        (Text(updated, "id"), Text(updated, "firstname"), Text(updated, "lastname")).ShouldBe((id, "Jane", "Roe"));
        updated["addresses"]!.AsArray().Count.ShouldBe(before["addresses"]!.AsArray().Count, "the account keeps what the record does not give");
        Text(updated, "created_at").ShouldBe(Text(before, "created_at"));

        // The request body as Magento takes it ({"customer": …}) is taken too; the same values again write nothing.
        await Magento.CallAsync("customer.upsert", new JsonObject { ["customer"] = Customer(M3Seed.ExistingCustomerEmail, "Jane", "Roe") }, null!, CancellationToken.None);
        var repeated = (await AccountsAsync(M3Seed.ExistingCustomerEmail)).ShouldHaveSingleItem();
        Text(repeated, "updated_at").ShouldBe(Text(updated, "updated_at"), "a repeat changes nothing");
        JsonNode.DeepEquals(repeated, updated).ShouldBeTrue();
    }

    [Fact]
    public async Task A_new_e_mail_creates_one_account_and_a_repeat_creates_no_second()
    {
        const string email = "m3.only@example.com";
        (await AccountsAsync(email)).ShouldBeEmpty();

        var created = await Magento.CallAsync("customer.upsert", Customer(email, "Example", "Customer"), null!, CancellationToken.None);
        var account = (await AccountsAsync(email)).ShouldHaveSingleItem();
        (Text(account, "id"), Text(account, "firstname"), Text(account, "lastname")).ShouldBe((Text(created, "id"), "Example", "Customer"));

        await Magento.CallAsync("customer.upsert", Customer(email, "Example", "Customer"), null!, CancellationToken.None);
        await Magento.CallAsync("customer.upsert", Customer(email.ToUpperInvariant(), "Example", "Customer Ltd"), null!, CancellationToken.None);
        var after = (await AccountsAsync(email)).ShouldHaveSingleItem("never a second account for one e-mail, whatever its case");
        (Text(after, "id"), Text(after, "lastname")).ShouldBe((Text(account, "id"), "Customer Ltd"));

        var refused = await Should.ThrowAsync<PermanentCallException>(() => Magento.CallAsync("customer.upsert", new JsonObject { ["firstname"] = "No e-mail" }, null!, CancellationToken.None));
        refused.Message.ShouldContain("email");
    }
}

/// <summary>
/// The Magento example's flow MagentoCustomersFromM3 as shipped (examples/magento/flows.map and customers.map, polling every second
/// here) in a host on the sandbox: an M3 customer changed or created after the flow started becomes the Magento account of its
/// e-mail — the existing one updated, a new one created — once per version, and later polls add nothing.
/// </summary>
public sealed class MagentoCustomersFromM3FlowTests : IAsyncLifetime
{
    private const string Flow = "MagentoCustomersFromM3";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private string _project = "";
    private SandboxHost _sandbox = null!;
    private MapLangHost _host = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync();
        _project = Directory.CreateTempSubdirectory("maplang-customers-").FullName;
        var examples = RepositoryRoot.Combine("examples", "magento");
        File.Copy(Path.Combine(examples, "customers.map"), Path.Combine(_project, "customers.map"));
        var flows = File.ReadAllText(Path.Combine(examples, "flows.map"));
        var start = flows.IndexOf("flow " + Flow + " {", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "the example has the flow");
        var flow = flows[start..(flows.IndexOf("\n}", start, StringComparison.Ordinal) + 2)];
        flow.ShouldContain("every 60");
        File.WriteAllText(Path.Combine(_project, "flows.map"), "use Magento\nuse M3\n\n" + flow.Replace("every 60", "every 1", StringComparison.Ordinal) + "\n");
        File.WriteAllText(Path.Combine(_project, "m3.ionapi"), _sandbox.IonApiJson());
        var connections = StoresProject.SandboxConnections(_sandbox);
        File.WriteAllText(Path.Combine(_project, "maplang.json"), new JsonObject
        {
            ["urls"] = "http://127.0.0.1:0",
            ["store"] = new JsonObject { ["path"] = "state/host.db" },
            ["workers"] = new JsonObject { ["concurrency"] = 2, ["initialBackoffMs"] = 100, ["maxBackoffMs"] = 1000, ["pollMs"] = 50 },
            ["connections"] = new JsonObject { ["m3"] = connections["m3"]!.DeepClone(), ["magento"] = connections["magento"]!.DeepClone() },
        }.ToJsonString());
        _host = await MapLangHost.StartAsync(new MapLangHostOptions { ProjectPath = _project, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning });
        var store = _host.Services.GetRequiredService<IFlowStore>();
        var trigger = _host.Services.GetRequiredService<FlowCatalog>().All.Single(f => f.Name == Flow);
        await Eventually(async () => await store.GetWatermarkAsync(SchedulePoller.WatermarkKey(trigger)) is not null, "the flow's first poll");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sandbox.DisposeAsync();
        _http.Dispose();
        try
        {
            Directory.Delete(_project, true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task Eventually(Func<Task<bool>> probe, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Still not: " + what);
            await Task.Delay(200);
        }
    }

    private void M3(string transaction, Dictionary<string, string> fields)
    {
        var input = new M3Row();
        foreach (var (field, value) in fields) input[field] = value;
        _sandbox.M3.Engine.Execute(new MapLang.Sandbox.M3.Engine.M3Request("CRS610MI", transaction, input)).Error.ShouldBeNull();
    }

    [Fact]
    public async Task A_changed_M3_customer_updates_the_account_of_its_e_mail_and_a_new_one_gets_one_account()
    {
        var jane = (await CustomerUpsertTests.AccountsAsync(_http, _sandbox, M3Seed.ExistingCustomerEmail)).ShouldHaveSingleItem();
        const string newEmail = "m3.customer@example.com";
        M3("ChgBasicData", new() { ["CUNO"] = M3Seed.ExistingCustomer, ["CUNM"] = "Jane   Roe" });
        M3("Add", new() { ["CUTM"] = M3Seed.TemplateCustomer, ["CUNO"] = "W000000042", ["CUNM"] = "Max Mustermann", ["CUA1"] = "1 Street", ["MAIL"] = "M3.Customer@Example.com" });
        M3("ChgBasicData", new() { ["CUNO"] = M3Seed.AmazonUsCustomer, ["CUA2"] = "No e-mail, no account" });

        await Eventually(async () => (await CustomerUpsertTests.AccountsAsync(_http, _sandbox, newEmail)).Count > 0
                                     && CustomerUpsertTests.Text((await CustomerUpsertTests.AccountsAsync(_http, _sandbox, M3Seed.ExistingCustomerEmail))[0], "lastname") == "Roe",
            "both customers in Magento");
        await Task.Delay(TimeSpan.FromSeconds(3));   // three more polls

        var updated = (await CustomerUpsertTests.AccountsAsync(_http, _sandbox, M3Seed.ExistingCustomerEmail)).ShouldHaveSingleItem("no second account for jdoe@example.com");
        (CustomerUpsertTests.Text(updated, "id"), CustomerUpsertTests.Text(updated, "firstname"), CustomerUpsertTests.Text(updated, "group_id"))
            .ShouldBe((CustomerUpsertTests.Text(jane, "id"), "Jane", CustomerUpsertTests.Text(jane, "group_id")));
        var created = (await CustomerUpsertTests.AccountsAsync(_http, _sandbox, newEmail)).ShouldHaveSingleItem();
        (CustomerUpsertTests.Text(created, "email"), CustomerUpsertTests.Text(created, "firstname"), CustomerUpsertTests.Text(created, "lastname")).ShouldBe((newEmail, "Max", "Mustermann"));

        var store = _host.Services.GetRequiredService<IFlowStore>();
        var runs = new List<FlowRun>();
        foreach (var status in Enum.GetValues<RunStatus>()) runs.AddRange((await store.ListAsync(status, 1000)).Where(r => r.Flow == Flow));
        runs.Select(r => (r.Key.Split('/')[0], r.Status)).ShouldBe([(M3Seed.ExistingCustomer, RunStatus.Done), ("W000000042", RunStatus.Done)], ignoreOrder: true,
            "one run per customer version; the customer without an e-mail none");
    }
}
