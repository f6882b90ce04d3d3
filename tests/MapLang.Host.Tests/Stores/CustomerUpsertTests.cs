using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapLang.Host.Connectors;
using MapLang.Sandbox.M3.Data;

namespace MapLang.Host.Tests.Stores;

/// <summary>
/// Magento's <c>customer.upsert</c> call with the customer a map makes of an M3 customer: an e-mail Magento knows updates that account
/// (no second one), a new e-mail creates one, a repeated call changes nothing more; the store simulator is read over its REST API.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class CustomerUpsertTests(StoresFixture f)
{
    private IConnector Magento => ((ConnectorRegistry)f.Host.Services.GetService(typeof(ConnectorRegistry))!).Get("magento");

    private async Task<List<JsonObject>> AccountsAsync(string email)
    {
        using var login = await f.Http.PostAsJsonAsync(new Uri(f.Sandbox.MagentoBaseUri, "integration/admin/token"), new { username = "admin", password = "sandbox-admin-123" });
        login.EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(f.Sandbox.MagentoBaseUri, "customers/search?searchCriteria[pageSize]=1000"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await login.Content.ReadFromJsonAsync<string>());
        using var response = await f.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray();
        return list.OfType<JsonObject>().Where(c => string.Equals(c["email"]?.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The customer M3CustomerToMagento makes of an M3 customer.</summary>
    private static JsonObject Customer(string email, string firstname, string lastname) => new()
    {
        ["email"] = email, ["firstname"] = firstname, ["lastname"] = lastname, ["website_id"] = 1,
    };

    private static string Text(JsonNode? node, string field) => node![field]!.ToString();

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
