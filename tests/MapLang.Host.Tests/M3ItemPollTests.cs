using System.Text.Json.Nodes;
using MapLang.Host.Connectors;
using MapLang.Host.Connectors.M3;
using MapLang.Sandbox.Faults;
using MapLang.Sandbox.M3.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace MapLang.Host.Tests;

/// <summary>
/// The M3 poll source <c>items.changed</c> against the sandbox's M3 over HTTP: items changed with MMS200MI.UpdItmBasic (LMDT today)
/// come back once each in the version they have, with their GetItmBasic fields and a VERSION that changes when the item does.
/// </summary>
public sealed class M3ItemPollTests : M3SandboxPollTest
{
    private static readonly Dictionary<string, string> All = [];

    private async Task ChangeAsync(string itno, params (string Field, string Value)[] fields)
    {
        var request = new Dictionary<string, string> { ["ITNO"] = itno };
        foreach (var (field, value) in fields) request[field] = value;
        await Client.ExecuteAsync("MMS200MI", "UpdItmBasic", request, true, null, CancellationToken.None);
    }

    private static string[] Numbers(PollBatch batch) => batch.Items.Select(i => Text(i, "ITNO")).ToArray();

    [Fact]
    public async Task An_item_changed_after_the_watermark_comes_back_once_and_again_with_a_new_version_when_it_changes_again()
    {
        var m3 = NewConnector();
        var start = Now();
        var nothing = await m3.PollAsync(ChangedItems.Operation, start, All, CancellationToken.None);
        nothing.Items.ShouldBeEmpty("the seeded items last changed in 2024");
        nothing.More.ShouldBeFalse();

        await ChangeAsync("ABS", ("ITDS", "Absorbent pad"), ("NEWE", "1.5"));
        await ChangeAsync(M3Seed.NoStockItem, ("FUDS", "Back in the catalog"));
        var changed = await m3.PollAsync(ChangedItems.Operation, nothing.Watermark, All, CancellationToken.None);
        Numbers(changed).ShouldBe(["ABS", M3Seed.NoStockItem], ignoreOrder: true);
        var abs = changed.Items.Single(i => Text(i, "ITNO") == "ABS");
        var today = Sandbox.Clock.UtcNow.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        (Text(abs, "ITDS"), Text(abs, "NEWE"), Text(abs, "STAT"), Text(abs, "ITGR"), Text(abs, "LMDT")).ShouldBe(("Absorbent pad", "1.5", "20", "WEB", today));
        Text(abs, "VERSION").ShouldStartWith($"ABS/{today}/");
        abs!.AsObject().ShouldNotContainKey("CHNO", "no MMS200MI reply holds the change number");

        var again = await m3.PollAsync(ChangedItems.Operation, changed.Watermark, All, CancellationToken.None);
        again.Items.ShouldBeEmpty("an item returned once in this version is not returned again");
        await ChangeAsync("ABS", ("ITDS", "Absorbent pad"));
        (await m3.PollAsync(ChangedItems.Operation, again.Watermark, All, CancellationToken.None)).Items.ShouldBeEmpty("the same values are no change");

        await ChangeAsync("ABS", ("ITDS", "Absorbent pad, large"));
        var changedAgain = await m3.PollAsync(ChangedItems.Operation, again.Watermark, All, CancellationToken.None);
        var second = changedAgain.Items.ShouldHaveSingleItem();
        Text(second, "ITDS").ShouldBe("Absorbent pad, large");
        Text(second, "VERSION").ShouldNotBe(Text(abs, "VERSION"), "changed the same day: a new version all the same");
        Text(second, "VERSION").ShouldStartWith($"ABS/{today}/");

        // A restart forgets what was returned and reads the day again: the same versions, duplicates by the flow's key.
        var restarted = await NewConnector().PollAsync(ChangedItems.Operation, changedAgain.Watermark, All, CancellationToken.None);
        restarted.Items.Select(i => Text(i, "VERSION")).ShouldBe([Text(second, "VERSION"), Text(changed.Items.Single(i => Text(i, "ITNO") != "ABS"), "VERSION")], ignoreOrder: true);
        changedAgain.Watermark.Split('|')[1].ShouldBe(nothing.Watermark.Split('|')[1], "one lineage per flow");
    }

    [Fact]
    public async Task The_filters_select_by_item_group_status_and_type_and_an_unknown_parameter_is_refused()
    {
        var start = Now();
        await ChangeAsync("ABS", ("STAT", "50"));
        await ChangeAsync("CBA_OTF_1", ("ITGR", "SPARES"));
        await ChangeAsync(M3Seed.NoStockItem, ("ITTY", "SRV"));
        var m3 = NewConnector();

        async Task<string[]> PollAsync(string field, string value) =>
            Numbers(await m3.PollAsync(ChangedItems.Operation, start, new Dictionary<string, string> { [field] = value }, CancellationToken.None));

        (await PollAsync("STAT", "50")).ShouldBe(["ABS"]);
        (await PollAsync("ITGR", "SPARES")).ShouldBe(["CBA_OTF_1"]);
        (await PollAsync("ITGR", "WEB")).ShouldBe(["ABS", M3Seed.NoStockItem], ignoreOrder: true);
        (await PollAsync("ITTY", "SRV")).ShouldBe([M3Seed.NoStockItem]);
        (await PollAsync("ITTY", " ")).ShouldBe(["ABS", "CBA_OTF_1", M3Seed.NoStockItem], ignoreOrder: true, "a blank filter selects nothing out");
        var refused = await Should.ThrowAsync<PermanentCallException>(() => m3.PollAsync(ChangedItems.Operation, start, new Dictionary<string, string> { ["ITCL"] = "X" }, CancellationToken.None));
        refused.Message.ShouldContain("ITCL");
    }

    [Fact]
    public async Task The_item_master_is_read_page_by_page_and_a_full_poll_says_more_without_moving_the_watermark()
    {
        var start = Now();
        string[] changed = ["ABS", "BLOCKED-01", "CBA_OTF_1", M3Seed.NoStockItem];
        foreach (var itno in changed) await ChangeAsync(itno, ("FUDS", "Changed " + itno));
        int count;
        lock (Sandbox.M3.Data.Gate) count = Sandbox.M3.Data.Items.Count;
        count.ShouldBeGreaterThan(4);

        foreach (var size in new[] { 1, 2, 3 })
            Numbers(await new ChangedItems(Client, NullLogger.Instance, pageSize: size).PollAsync(start, All, CancellationToken.None)).ShouldBe(changed, $"pages of {size}");

        var source = new ChangedItems(Client, NullLogger.Instance, pageSize: 2, maxItems: 3);
        var first = await source.PollAsync(start, All, CancellationToken.None);
        Numbers(first).ShouldBe(changed[..3]);
        first.More.ShouldBeTrue();
        first.Watermark.Split('|')[0].ShouldBe(start);
        var second = await source.PollAsync(first.Watermark, All, CancellationToken.None);
        Numbers(second).ShouldBe(changed[3..]);
        second.More.ShouldBeFalse();
    }

    [Fact]
    public async Task An_item_M3_refuses_to_read_is_read_again_next_poll_and_does_not_hold_up_the_others()
    {
        var start = Now();
        await ChangeAsync("ABS", ("FUDS", "Refused once"));
        await ChangeAsync("CBA_OTF_1", ("FUDS", "Read at once"));
        Sandbox.Faults.Add(new FaultRule { System = "m3", Operation = "MMS200MI/GetItmBasic", Kind = FaultKind.ServerError, StatusCode = 400, Count = 1 });

        var m3 = NewConnector();
        var first = await m3.PollAsync(ChangedItems.Operation, start, All, CancellationToken.None);
        Numbers(first).ShouldBe(["CBA_OTF_1"]);
        var second = await m3.PollAsync(ChangedItems.Operation, first.Watermark, All, CancellationToken.None);
        Numbers(second).ShouldBe(["ABS"]);
        (await m3.PollAsync(ChangedItems.Operation, second.Watermark, All, CancellationToken.None)).Items.ShouldBeEmpty();
    }
}
