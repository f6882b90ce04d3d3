using MapLang.Host.Connectors;
using MapLang.Host.Connectors.M3;
using MapLang.Sandbox.Faults;
using MapLang.Sandbox.M3.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace MapLang.Host.Tests;

/// <summary>
/// The M3 poll source <c>customers.changed</c> against the sandbox's M3 over HTTP: customers changed with CRS610MI.ChgBasicData or
/// added with CRS610MI.Add (LMDT today) come back once each in the version they have, with their GetBasicData fields and a VERSION
/// that changes when the customer does; customers without an e-mail are left out.
/// </summary>
public sealed class M3CustomerPollTests : M3SandboxPollTest
{
    private static readonly Dictionary<string, string> All = [];

    private async Task ChangeAsync(string cuno, params (string Field, string Value)[] fields)
    {
        var request = new Dictionary<string, string> { ["CUNO"] = cuno };
        foreach (var (field, value) in fields) request[field] = value;
        await Client.ExecuteAsync("CRS610MI", "ChgBasicData", request, true, null, CancellationToken.None);
    }

    private async Task<string> AddAsync(string cuno, string mail) =>
        (await Client.ExecuteAsync("CRS610MI", "Add", new Dictionary<string, string>
            { ["CUTM"] = M3Seed.TemplateCustomer, ["CUNO"] = cuno, ["CUNM"] = "New Customer", ["CUA1"] = "1 New Street", ["MAIL"] = mail }, true, null, CancellationToken.None))
        .First("CUNO")!;

    private static string[] Numbers(PollBatch batch) => batch.Items.Select(i => Text(i, "CUNO")).ToArray();

    [Fact]
    public async Task A_changed_customer_comes_back_once_per_version_and_unchanged_ones_and_ones_without_mail_do_not()
    {
        var m3 = NewConnector();
        var start = Now();
        var nothing = await m3.PollAsync(ChangedCustomers.Operation, start, All, CancellationToken.None);
        nothing.Items.ShouldBeEmpty("the seeded customers last changed in 2024");
        nothing.More.ShouldBeFalse();

        await ChangeAsync(M3Seed.ExistingCustomer, ("CUNM", "Jane Roe"), ("PHNO", "555-0199"));
        await ChangeAsync(M3Seed.AmazonUsCustomer, ("CUA2", "Building 2"));   // no MAIL: no store account
        var added = await AddAsync("W000000001", "new.buyer@example.com");
        var changed = await m3.PollAsync(ChangedCustomers.Operation, nothing.Watermark, All, CancellationToken.None);
        Numbers(changed).ShouldBe([M3Seed.ExistingCustomer, added]);
        var jane = changed.Items[0];
        var today = Sandbox.Clock.UtcNow.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        (Text(jane, "CUNM"), Text(jane, "PHNO"), Text(jane, "MAIL"), Text(jane, "STAT"), Text(jane, "LMDT")).ShouldBe(("Jane Roe", "555-0199", M3Seed.ExistingCustomerEmail, "20", today));
        Text(jane, "VERSION").ShouldStartWith($"{M3Seed.ExistingCustomer}/{today}/");

        var again = await m3.PollAsync(ChangedCustomers.Operation, changed.Watermark, All, CancellationToken.None);
        again.Items.ShouldBeEmpty("a customer returned once in this version is not returned again");
        await ChangeAsync(M3Seed.ExistingCustomer, ("CUNM", "Jane Roe"));
        (await m3.PollAsync(ChangedCustomers.Operation, again.Watermark, All, CancellationToken.None)).Items.ShouldBeEmpty("the same values are no change");

        await ChangeAsync(M3Seed.ExistingCustomer, ("TOWN", "Springfield"));
        var changedAgain = await m3.PollAsync(ChangedCustomers.Operation, again.Watermark, All, CancellationToken.None);
        var second = changedAgain.Items.ShouldHaveSingleItem();
        Text(second, "TOWN").ShouldBe("Springfield");
        Text(second, "VERSION").ShouldNotBe(Text(jane, "VERSION"), "changed the same day: a new version all the same");

        // A restart forgets what was returned and reads the day again: the same versions, duplicates by the flow's key.
        var restarted = await NewConnector().PollAsync(ChangedCustomers.Operation, changedAgain.Watermark, All, CancellationToken.None);
        restarted.Items.Select(i => Text(i, "VERSION")).ShouldBe([Text(second, "VERSION"), Text(changed.Items[1], "VERSION")]);
        changedAgain.Watermark.Split('|')[1].ShouldBe(nothing.Watermark.Split('|')[1], "one lineage per flow");
    }

    [Fact]
    public async Task The_filters_select_by_customer_type_and_status_and_an_unknown_parameter_is_refused()
    {
        var start = Now();
        await ChangeAsync(M3Seed.ExistingCustomer, ("CUTP", "1"));
        await ChangeAsync("10002", ("PHNO", "555-0102"));          // status 10
        await ChangeAsync("C000001234", ("PHNO", "555-0103"));
        var m3 = NewConnector();

        async Task<string[]> PollAsync(string field, string value) =>
            Numbers(await m3.PollAsync(ChangedCustomers.Operation, start, new Dictionary<string, string> { [field] = value }, CancellationToken.None));

        (await PollAsync("CUTP", "1")).ShouldBe([M3Seed.ExistingCustomer]);
        (await PollAsync("CUTP", "0")).ShouldBe(["10002", "C000001234"]);
        (await PollAsync("STAT", "10")).ShouldBe(["10002"]);
        (await PollAsync("STAT", " ")).ShouldBe([M3Seed.ExistingCustomer, "10002", "C000001234"], "a blank filter selects nothing out");
        var refused = await Should.ThrowAsync<PermanentCallException>(() => m3.PollAsync(ChangedCustomers.Operation, start, new Dictionary<string, string> { ["CUCL"] = "X" }, CancellationToken.None));
        refused.Message.ShouldContain("CUCL");
    }

    [Fact]
    public async Task Customers_are_listed_page_by_page_and_a_full_poll_says_more_without_moving_the_watermark()
    {
        var start = Now();
        string[] changed = ["10001", "10002", "C000001234"];
        foreach (var cuno in changed) await ChangeAsync(cuno, ("CUA2", "Changed " + cuno));

        foreach (var size in new[] { 1, 2, 3 })
            Numbers(await new ChangedCustomers(Client, NullLogger.Instance, pageSize: size).PollAsync(start, All, CancellationToken.None)).ShouldBe(changed, $"pages of {size}");

        var source = new ChangedCustomers(Client, NullLogger.Instance, pageSize: 2, maxReads: 2);
        var first = await source.PollAsync(start, All, CancellationToken.None);
        Numbers(first).ShouldBe(changed[..2]);
        first.More.ShouldBeTrue();
        first.Watermark.Split('|')[0].ShouldBe(start);
        var second = await source.PollAsync(first.Watermark, All, CancellationToken.None);
        Numbers(second).ShouldBe(changed[2..]);
        second.More.ShouldBeFalse();
        (await source.PollAsync(second.Watermark, All, CancellationToken.None)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_customer_M3_refuses_to_read_is_read_again_next_poll_and_does_not_hold_up_the_others()
    {
        var start = Now();
        await ChangeAsync(M3Seed.ExistingCustomer, ("CUA2", "Read at once"));
        await ChangeAsync("10002", ("CUA2", "Refused once"));
        Sandbox.Faults.Add(new FaultRule { System = "m3", Operation = "CRS610MI/GetBasicData", Kind = FaultKind.ServerError, StatusCode = 400, Count = 1 });

        var m3 = NewConnector();
        var first = await m3.PollAsync(ChangedCustomers.Operation, start, All, CancellationToken.None);
        first.Items.Count.ShouldBe(1);
        var second = await m3.PollAsync(ChangedCustomers.Operation, first.Watermark, All, CancellationToken.None);
        Numbers(first).Concat(Numbers(second)).ShouldBe([M3Seed.ExistingCustomer, "10002"], ignoreOrder: true);
        (await m3.PollAsync(ChangedCustomers.Operation, second.Watermark, All, CancellationToken.None)).Items.ShouldBeEmpty();
    }
}
