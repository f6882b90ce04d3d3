using System.Globalization;
using MapLang.Host.Connectors;
using MapLang.Host.Connectors.M3;
using MapLang.Sandbox.Faults;
using MapLang.Sandbox.M3.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace MapLang.Host.Tests;

/// <summary>
/// The M3 poll source <c>balances.changed</c> against the sandbox's M3 over HTTP: a flow's first poll returns every balance of its
/// warehouse once (GetItmWhsBal fields and a BALANCE key), later polls only the balances whose AVAL changed since — here by a customer
/// order that allocates stock.
/// </summary>
public sealed class M3BalancePollTests : M3SandboxPollTest
{
    private static readonly Dictionary<string, string> Main = new() { ["WHLO"] = "100" };

    /// <summary>A poll the host takes: its items committed, then what it does after the commit.</summary>
    private static async Task<PollBatch> TakenAsync(Task<PollBatch> poll)
    {
        var batch = await poll;
        if (batch.AfterCommitAsync is { } after) await after(CancellationToken.None);
        return batch;
    }

    private static string[] Numbers(PollBatch batch) => batch.Items.Select(i => Text(i, "ITNO")).ToArray();

    private string[] SeededItems()
    {
        lock (Sandbox.M3.Data.Gate) return Sandbox.M3.Data.Items.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    private decimal Allocatable(string whlo, string itno)
    {
        lock (Sandbox.M3.Data.Gate)
        {
            var balance = Sandbox.M3.Data.Balances[M3Data.BalanceKey(whlo, itno)];
            return balance.Number("STQT") - balance.Number("ALQT");
        }
    }

    [Fact]
    public async Task The_first_poll_returns_every_balance_of_the_warehouse_once_then_only_the_balance_an_order_changed()
    {
        var m3 = NewConnector();
        var first = await TakenAsync(m3.PollAsync(ChangedBalances.Operation, Now(), Main, CancellationToken.None));
        var items = SeededItems();
        items.Length.ShouldBeGreaterThan(4);
        Numbers(first).ShouldBe(items, "every item's balance in warehouse 100, in ITNO order");
        first.More.ShouldBeFalse();
        first.Items.ShouldAllBe(i => Text(i, "WHLO") == "100");
        var abs = first.Items.Single(i => Text(i, "ITNO") == "ABS");
        var before = Allocatable("100", "ABS");
        before.ShouldBeGreaterThan(1);
        decimal.Parse(Text(abs, "AVAL"), CultureInfo.InvariantCulture).ShouldBe(before);
        (Text(abs, "STQT"), Text(abs, "ALQT")).ShouldBe((before.ToString(CultureInfo.InvariantCulture), "0"), "the GetItmWhsBal fields as M3 answered them");
        Text(abs, ChangedBalances.Key).ShouldStartWith($"100/ABS/{Text(abs, "AVAL")}/");
        first.Items.Select(i => Text(i, ChangedBalances.Key)).Distinct().Count().ShouldBe(items.Length);

        var quiet = await TakenAsync(m3.PollAsync(ChangedBalances.Operation, first.Watermark, Main, CancellationToken.None));
        quiet.Items.ShouldBeEmpty("no balance changed");
        quiet.Watermark.ShouldBe(first.Watermark, "one lineage per flow; the time does not move");

        await StoreOrderAsync("WEB", "B-1", ("ABS", "1"));
        var changed = await TakenAsync(m3.PollAsync(ChangedBalances.Operation, quiet.Watermark, Main, CancellationToken.None));
        var after = changed.Items.ShouldHaveSingleItem("only the ordered item's balance changed");
        Text(after, "ITNO").ShouldBe("ABS");
        decimal.Parse(Text(after, "AVAL"), CultureInfo.InvariantCulture).ShouldBe(before - 1);
        Text(after, "ALQT").ShouldBe("1");
        Text(after, ChangedBalances.Key).ShouldNotBe(Text(abs, ChangedBalances.Key));
        (await TakenAsync(m3.PollAsync(ChangedBalances.Operation, changed.Watermark, Main, CancellationToken.None))).Items.ShouldBeEmpty();

        // Another warehouse's flow sees its own balances: warehouse 200 is untouched by the order.
        var other = await TakenAsync(m3.PollAsync(ChangedBalances.Operation, Now(), new Dictionary<string, string> { ["WHLO"] = "200" }, CancellationToken.None));
        Numbers(other).ShouldBe(items);
        other.Items.ShouldAllBe(i => Text(i, "WHLO") == "200");

        // A restart forgets what was returned: every balance once more (a full resync; the store writes are absolute).
        var restarted = await TakenAsync(NewConnector().PollAsync(ChangedBalances.Operation, changed.Watermark, Main, CancellationToken.None));
        Numbers(restarted).ShouldBe(items);
        Text(restarted.Items.Single(i => Text(i, "ITNO") == "ABS"), "AVAL").ShouldBe(Text(after, "AVAL"));
    }

    [Fact]
    public async Task A_balance_that_changes_back_runs_again_and_a_batch_the_host_did_not_take_comes_back()
    {
        var m3 = NewConnector();
        var first = await TakenAsync(m3.PollAsync(ChangedBalances.Operation, Now(), Main, CancellationToken.None));
        var key = Text(first.Items.Single(i => Text(i, "ITNO") == "ABS"), ChangedBalances.Key);

        await StoreOrderAsync("WEB", "B-2", ("ABS", "1"));
        var notTaken = await m3.PollAsync(ChangedBalances.Operation, first.Watermark, Main, CancellationToken.None);
        Numbers(notTaken).ShouldBe(["ABS"]);
        var taken = await TakenAsync(m3.PollAsync(ChangedBalances.Operation, first.Watermark, Main, CancellationToken.None));
        Numbers(taken).ShouldBe(["ABS"], "the host did not commit the batch before: it comes again");

        // A receipt of one more (the sandbox has no stock transaction: its balance is set): AVAL as it was at first, a new run all the
        // same (the key carries the poll's time), or the store would keep the lower quantity.
        lock (Sandbox.M3.Data.Gate)
        {
            var balance = Sandbox.M3.Data.Balances[M3Data.BalanceKey("100", "ABS")];
            balance.Set("STQT", balance.Number("STQT") + 1);
        }
        var back = await TakenAsync(m3.PollAsync(ChangedBalances.Operation, taken.Watermark, Main, CancellationToken.None));
        var abs = back.Items.ShouldHaveSingleItem();
        Text(abs, "AVAL").ShouldBe(Text(first.Items.Single(i => Text(i, "ITNO") == "ABS"), "AVAL"));
        Text(abs, ChangedBalances.Key).ShouldNotBe(key);
    }

    [Fact]
    public async Task WHLO_is_required_ITGR_selects_and_an_unknown_parameter_is_refused()
    {
        var m3 = NewConnector();
        var missing = await Should.ThrowAsync<PermanentCallException>(() => m3.PollAsync(ChangedBalances.Operation, Now(), new Dictionary<string, string>(), CancellationToken.None));
        missing.Message.ShouldContain("WHLO");
        await Should.ThrowAsync<PermanentCallException>(() => m3.PollAsync(ChangedBalances.Operation, Now(), new Dictionary<string, string> { ["WHLO"] = " " }, CancellationToken.None));
        var unknown = await Should.ThrowAsync<PermanentCallException>(() => m3.PollAsync(ChangedBalances.Operation, Now(), new Dictionary<string, string> { ["WHLO"] = "100", ["STAT"] = "20" }, CancellationToken.None));
        unknown.Message.ShouldContain("STAT");

        await Client.ExecuteAsync("MMS200MI", "UpdItmBasic", new Dictionary<string, string> { ["ITNO"] = "CBA_OTF_1", ["ITGR"] = "SPARES" }, true, null, CancellationToken.None);
        var spares = await m3.PollAsync(ChangedBalances.Operation, Now(), new Dictionary<string, string> { ["WHLO"] = "100", ["ITGR"] = "SPARES" }, CancellationToken.None);
        Numbers(spares).ShouldBe(["CBA_OTF_1"]);
        var web = await m3.PollAsync(ChangedBalances.Operation, Now(), new Dictionary<string, string> { ["WHLO"] = "100", ["ITGR"] = "WEB" }, CancellationToken.None);
        Numbers(web).ShouldBe(SeededItems().Where(i => i != "CBA_OTF_1").ToArray());
    }

    [Fact]
    public async Task A_full_poll_says_more_and_the_next_one_reads_on_after_the_last_balance_it_returned()
    {
        var items = SeededItems();
        var source = new ChangedBalances(Client, NullLogger.Instance, pageSize: 2, maxBalances: 3);
        var watermark = Now();
        Sandbox.Counters.Reset();
        var seen = new List<string>();
        var polls = 0;
        while (true)
        {
            var batch = await TakenAsync(source.PollAsync(watermark, Main, CancellationToken.None));
            polls++;
            batch.Items.Count.ShouldBeLessThanOrEqualTo(3);
            seen.AddRange(Numbers(batch));
            watermark = batch.Watermark;
            if (!batch.More) break;
            batch.Items.Count.ShouldBe(3);
            polls.ShouldBeLessThan(items.Length);
        }
        seen.ToArray().ShouldBe(items, "each balance once, in order");
        polls.ShouldBe((items.Length + 2) / 3);
        // Each poll reads on after the last balance returned: every balance read once, plus the one a full poll stops at.
        Sandbox.Counters.Snapshot()["m3"]["MMS200MI/GetItmWhsBal"].ShouldBe(items.Length + polls - 1);
        (await TakenAsync(source.PollAsync(watermark, Main, CancellationToken.None))).Items.ShouldBeEmpty("after the last page the next poll starts over and finds nothing changed");

        foreach (var size in new[] { 1, 3, 100 })
            Numbers(await new ChangedBalances(Client, NullLogger.Instance, pageSize: size).PollAsync(Now(), Main, CancellationToken.None)).ShouldBe(items, $"pages of {size}");
    }

    [Fact]
    public async Task A_balance_M3_refuses_to_read_is_skipped_and_read_again_next_poll()
    {
        Sandbox.Faults.Add(new FaultRule { System = "m3", Operation = "MMS200MI/GetItmWhsBal", Kind = FaultKind.ServerError, StatusCode = 400, Count = 1 });
        var m3 = NewConnector();
        var first = await TakenAsync(m3.PollAsync(ChangedBalances.Operation, Now(), Main, CancellationToken.None));
        var items = SeededItems();
        Numbers(first).Length.ShouldBe(items.Length - 1, "the first item M3 refused is skipped, the others returned");
        var skipped = items.Except(Numbers(first)).ShouldHaveSingleItem();
        var second = await TakenAsync(m3.PollAsync(ChangedBalances.Operation, first.Watermark, Main, CancellationToken.None));
        Numbers(second).ShouldBe([skipped]);
    }
}
