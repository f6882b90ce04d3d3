using System.Globalization;
using System.Text.Json.Nodes;
using MapLang.Host.Connectors;
using MapLang.Host.Connectors.M3;
using MapLang.Host.Connectors.NopCommerce;
using MapLang.Host.Observability;
using MapLang.Host.Resilience;
using MapLang.Host.Runner;
using MapLang.Host.Store;
using MapLang.Host.Tests.Stores;
using MapLang.Sandbox.Faults;
using MapLang.Sandbox.M3.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Tests;

/// <summary>
/// <c>M3.GLS840</c> through the M3 connector against the sandbox's M3 over HTTP: a payment's GL batch is written once
/// (AddBatchHead, AddBatchLine per line, UpdBatch), a resumed run with the same checkpoints writes nothing twice, an
/// unbalanced batch is refused with M3's message, and lost replies are resolved without a second batch or line.
/// </summary>
public sealed class GlJournalTests : M3SandboxPollTest
{
    private M3Connector? _m3;

    /// <summary>A line in the sandbox's PARM layout (docs/sandbox.md): ACDT 1–8, AIT1 9–16 (AIT2–7 blank), CUAM 65–81, CUCD 82–84, VTXT.</summary>
    private static string Parm(string account, decimal amount) =>
        "20261204" + account.PadRight(8) + new string(' ', 48) + amount.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(17) + "USD" + "Order 103".PadRight(40);

    private static JsonObject Journal(string key1, params (string Account, decimal Amount)[] lines) => new()
    {
        ["CONO"] = 100,
        ["DIVI"] = "100",
        ["KEY1"] = key1,
        ["INTN"] = "WEBPAY",
        ["DESC"] = $"Payment {key1}",
        ["lines"] = new JsonArray(lines.Select((l, i) => (JsonNode)new JsonObject { ["LINE"] = i + 1, ["PARM"] = Parm(l.Account, l.Amount) }).ToArray()),
    };

    /// <summary>Debit clearing 119.00; credit sales 100.00 and VAT 19.00.</summary>
    private static JsonObject Balanced(string key1) => Journal(key1, ("1930", 119m), ("3010", -100m), ("2610", -19m));

    private GlBatch? Batch(string key1)
    {
        lock (Sandbox.M3.Data.Gate) return Sandbox.M3.Data.GlBatches.GetValueOrDefault(key1);
    }

    private Task<JsonNode?> PostAsync(JsonObject journal, ICheckpoints checkpoints) =>
        (_m3 ??= NewConnector()).CallAsync("M3.GLS840", journal, checkpoints, CancellationToken.None);

    private void FailOnce(string transaction, FaultKind kind = FaultKind.CommitThenFail) =>
        Sandbox.Faults.Add(new FaultRule { System = "m3", Operation = $"GLS840MI/{transaction}", Kind = kind, Count = 1 });

    [Fact]
    public async Task A_balanced_batch_is_written_once_with_its_lines_and_updated()
    {
        var result = await PostAsync(Balanced("N103"), new Checkpoints());

        result!["KEY1"]!.GetValue<string>().ShouldBe("N103");
        result["CONO"]!.ToString().ShouldBe("100");
        result["lines"]!.GetValue<int>().ShouldBe(3);
        var batch = Batch("N103").ShouldNotBeNull();
        batch.Status.ShouldBe("90", "UpdBatch released the batch");
        batch.Head.Get("INTN").ShouldBe("WEBPAY");
        batch.Lines.Keys.ShouldBe([1, 2, 3]);
        batch.Lines[2].ShouldBe(Parm("3010", -100m).TrimEnd(), "as sent, right-trimmed as M3 keeps values");
    }

    [Fact]
    public async Task The_same_call_again_with_the_same_checkpoints_writes_nothing_twice()
    {
        var checkpoints = new Checkpoints();
        await PostAsync(Balanced("N104"), checkpoints);
        // Anything sent again would now be refused by M3 (the key exists, the batch is updated): the call must not send it.
        Sandbox.Faults.Add(new FaultRule { System = "m3", Operation = "GLS840MI/*", Kind = FaultKind.ServerError, Probability = 1 });

        var again = await PostAsync(Balanced("N104"), checkpoints);

        again!["KEY1"]!.GetValue<string>().ShouldBe("N104");
        Sandbox.Faults.Clear();
        Batch("N104")!.Lines.Count.ShouldBe(3);
        Sandbox.M3.Data.GlBatches.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_unbalanced_batch_is_a_permanent_error_naming_M3s_message_and_a_replay_after_the_fix_updates_it()
    {
        var checkpoints = new Checkpoints();
        var journal = Journal("N105", ("1930", 119m), ("3010", -100m));

        var refused = await Should.ThrowAsync<PermanentCallException>(() => PostAsync(journal, checkpoints));

        refused.Message.ShouldContain("Batch N105 does not balance: debit 119, credit 100");
        refused.Message.ShouldContain("N105 stays open in GLS840");
        refused.Code.ShouldBe("XBA0001");
        Batch("N105")!.Status.ShouldBe("10", "nothing was posted");

        // Someone adds the missing VAT line in GLS840; the replay (same checkpoints) adds no line again and updates the batch.
        lock (Sandbox.M3.Data.Gate) Batch("N105")!.Lines[3] = Parm("2610", -19m);
        await PostAsync(journal, checkpoints);
        Batch("N105")!.Status.ShouldBe("90");
        Batch("N105")!.Lines.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData(FaultKind.CommitThenFail)]
    [InlineData(FaultKind.CommitThenReset)]
    public async Task M3_failing_after_AddBatchHead_was_committed_still_yields_one_batch(FaultKind kind)
    {
        var checkpoints = new Checkpoints();
        FailOnce("AddBatchHead", kind);

        var lost = await Should.ThrowAsync<TransientCallException>(() => PostAsync(Balanced("N106"), checkpoints));
        lost.OutcomeUnknown.ShouldBeTrue();
        Batch("N106").ShouldNotBeNull("the head was written before the reply was lost");

        await PostAsync(Balanced("N106"), checkpoints);

        Sandbox.M3.Data.GlBatches.Count.ShouldBe(1);
        Batch("N106")!.Lines.Count.ShouldBe(3);
        Batch("N106")!.Status.ShouldBe("90");
    }

    [Fact]
    public async Task A_lost_AddBatchLine_reply_is_found_by_the_line_number_and_no_line_is_added_twice()
    {
        var checkpoints = new Checkpoints();
        Sandbox.Faults.Add(new FaultRule { System = "m3", Operation = "GLS840MI/AddBatchLine", Kind = FaultKind.CommitThenFail, Count = 1 });

        await Should.ThrowAsync<TransientCallException>(() => PostAsync(Balanced("N107"), checkpoints));
        Batch("N107")!.Lines.Count.ShouldBe(1);

        await PostAsync(Balanced("N107"), checkpoints);

        Batch("N107")!.Lines.Keys.ShouldBe([1, 2, 3]);
        Batch("N107")!.Status.ShouldBe("90");
    }

    [Fact]
    public async Task A_lost_UpdBatch_reply_goes_to_a_person_and_is_not_sent_again_until_replayed()
    {
        var checkpoints = new Checkpoints();
        FailOnce("UpdBatch", FaultKind.ServerError);

        await Should.ThrowAsync<TransientCallException>(() => PostAsync(Balanced("N108"), checkpoints));
        var asked = await Should.ThrowAsync<AmbiguousOutcomeException>(() => PostAsync(Balanced("N108"), checkpoints));

        asked.Message.ShouldContain("Look at batch N108 in GLS840");
        Batch("N108")!.Status.ShouldBe("10", "the 5xx came before M3 handled UpdBatch, and the host did not send it again");

        // The person saw the batch still open and replays: UpdBatch is sent once more.
        await PostAsync(Balanced("N108"), checkpoints);
        Batch("N108")!.Status.ShouldBe("90");
    }

    [Fact]
    public async Task An_UpdBatch_M3_did_not_take_429_is_sent_again_on_the_next_attempt_without_a_person()
    {
        var checkpoints = new Checkpoints();
        FailOnce("UpdBatch", FaultKind.TooManyRequests);

        var refused = await Should.ThrowAsync<TransientCallException>(() => PostAsync(Balanced("N112"), checkpoints));
        refused.OutcomeUnknown.ShouldBeFalse();

        await PostAsync(Balanced("N112"), checkpoints);
        Batch("N112")!.Status.ShouldBe("90");
    }

    [Fact]
    public async Task A_batch_key_already_in_M3_that_this_run_did_not_write_is_not_touched()
    {
        await PostAsync(Balanced("N109"), new Checkpoints());

        var other = new Checkpoints();
        var refused = await Should.ThrowAsync<PermanentCallException>(() => PostAsync(Balanced("N109"), other));
        refused.Message.ShouldContain("already holds GL batch N109, which this run did not write");
        // A replay of that run still does not take the batch for its own, and sends nothing (a lost reply to a resent head would).
        Sandbox.Faults.Add(new FaultRule { System = "m3", Operation = "GLS840MI/*", Kind = FaultKind.ServerError, Probability = 1 });
        (await Should.ThrowAsync<PermanentCallException>(() => PostAsync(Balanced("N109"), other))).Message.ShouldContain("which this run did not write");
        Sandbox.Faults.Clear();
        Batch("N109")!.Lines.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_batch_without_lines_or_with_a_line_number_twice_is_refused_before_anything_is_sent()
    {
        var empty = Journal("N110");
        (await Should.ThrowAsync<PermanentCallException>(() => PostAsync(empty, new Checkpoints()))).Message.ShouldContain("no lines");
        var twice = Balanced("N111");
        twice["lines"]![1]!["LINE"] = 1;
        (await Should.ThrowAsync<PermanentCallException>(() => PostAsync(twice, new Checkpoints()))).Message.ShouldContain("two lines carry LINE 1");
        Sandbox.M3.Data.GlBatches.ShouldBeEmpty();
    }

    [Fact]
    public async Task NopCommerce_orders_paid_lists_paid_orders_and_looks_again_at_an_order_until_its_payment_is_captured()
    {
        using var http = new HttpClient();
        var nop = Nop(http);
        var none = new Dictionary<string, string>();
        var start = Now();

        // An order only authorized (payment to be captured), then a minute later one paid at once.
        var authorized = Sandbox.NopCommerce.AddOrder("late.payer@example.com", [("LV_511_JN", 1, 40m)]);
        await nop.ReplyAsync("order.status", Id(authorized), new JsonObject { ["payment_status_id"] = "20" }, CancellationToken.None);
        Sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var paid = Sandbox.NopCommerce.AddOrder("buyer@example.com", [("LV_511_JN", 1, 40m)]);

        var first = await nop.PollAsync(NopCommerceConnector.PaidOrders, start, none, CancellationToken.None);
        first.Items.Select(o => o["id"]!.GetValue<int>()).ShouldBe([paid]);

        // Captured after the first poll: the watermark stayed at the authorized order, so the next poll finds it.
        await nop.ReplyAsync("order.status", Id(authorized), new JsonObject { ["payment_status_id"] = "30" }, CancellationToken.None);
        var second = await nop.PollAsync(NopCommerceConnector.PaidOrders, first.Watermark, none, CancellationToken.None);
        second.Items.Select(o => o["id"]!.GetValue<int>()).ShouldContain(authorized);

        // Nothing waits for a payment any more: the watermark moves on to the newest order.
        var third = await nop.PollAsync(NopCommerceConnector.PaidOrders, second.Watermark, none, CancellationToken.None);
        third.Items.Select(o => o["id"]!.GetValue<int>()).ShouldBe([paid]);
    }

    [Fact]
    public async Task A_flow_posts_each_paid_nopCommerce_order_once_also_when_the_payment_is_captured_after_the_order()
    {
        var project = Directory.CreateTempSubdirectory("maplang-gl-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(project, "m3.ionapi"), Sandbox.IonApiJson());
            File.WriteAllText(Path.Combine(project, "payments.map"), PaymentsProject);
            var connections = StoresProject.SandboxConnections(Sandbox);
            connections["m3"]!["ionApi"] = Path.Combine(project, "m3.ionapi");
            File.WriteAllText(Path.Combine(project, "maplang.json"), new JsonObject
            {
                ["urls"] = "http://127.0.0.1:0",
                ["store"] = new JsonObject { ["path"] = Path.Combine(project, "host.db") },
                ["workers"] = new JsonObject { ["concurrency"] = 2, ["initialBackoffMs"] = 50, ["maxBackoffMs"] = 300, ["pollMs"] = 50 },
                ["connections"] = connections,
            }.ToJsonString());
            await using var host = await MapLangHost.StartAsync(new MapLangHostOptions { ProjectPath = project, MinimumLogLevel = LogLevel.Warning });
            var store = host.Services.GetRequiredService<IFlowStore>();
            var flow = host.Services.GetRequiredService<FlowCatalog>().All.Single(f => f.Name == "NopPayments");
            await Eventually(async () => await store.GetWatermarkAsync(SchedulePoller.WatermarkKey(flow)) is not null, "the first poll");

            using var http = new HttpClient();
            var nop = Nop(http);
            // The sandbox adds orders paid: the host must not search before the first one is only authorized.
            Sandbox.Faults.Add(new FaultRule { System = "nopcommerce", Operation = "orders.search", Kind = FaultKind.ServerError, Probability = 1 });
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // a search already past the fault finishes first
            var later = Sandbox.NopCommerce.AddOrder("late.payer@example.com", [("LV_511_JN", 2, 30m)]);
            await nop.ReplyAsync("order.status", Id(later), new JsonObject { ["payment_status_id"] = "20" }, CancellationToken.None);
            Sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
            var now = Sandbox.NopCommerce.AddOrder("buyer@example.com", [("LV_511_JN", 1, 40m)]);
            Sandbox.Faults.Clear();

            await Eventually(() => Task.FromResult(Batch($"N{now}")?.Status == "90"), $"order {now}'s batch updated");
            Batch($"N{later}").ShouldBeNull("not paid yet");
            await nop.ReplyAsync("order.status", Id(later), new JsonObject { ["payment_status_id"] = "30" }, CancellationToken.None);
            await Eventually(() => Task.FromResult(Batch($"N{later}")?.Status == "90"), $"order {later}'s batch updated once paid");

            await Task.Delay(TimeSpan.FromSeconds(3)); // more polls list both orders again
            lock (Sandbox.M3.Data.Gate) Sandbox.M3.Data.GlBatches.Keys.Order().ShouldBe(new[] { $"N{now}", $"N{later}" }.Order());
            Batch($"N{later}")!.Lines.Values.Select(Amount).ShouldBe([60m, -60m]);
            var runs = new List<FlowRun>();
            foreach (var status in Enum.GetValues<RunStatus>()) runs.AddRange(await store.ListAsync(status, 1000));
            runs.Where(r => r.Flow == "NopPayments").Select(r => $"{r.Key} {r.Status}").Order()
                .ShouldBe(new[] { $"{now} Done", $"{later} Done" }.Order());
        }
        finally
        {
            try { Directory.Delete(project, recursive: true); }
            catch (IOException) { }
        }
    }

    /// <summary>A host project: each paid order's payment as a GL batch in the sandbox's PARM layout (clearing debit, sales credit).</summary>
    private const string PaymentsProject = """
        use NopCommerce
        use M3

        map PaidOrderToJournal: NopCommerce.Order -> M3.GLS840 {
            CONO = 100
            DIVI = "100"
            KEY1 = "N{id}"
            INTN = "WEBPAY"
            DESC = "Payment of order {id}"
            lines = [ClearingLine(source), SalesLine(source)]
        }

        map ClearingLine: NopCommerce.Order -> M3.GLS840Line {
            LINE = 1
            PARM = "20261204{padRight("1930", 56)}{padLeft(formatNumber(order_total ?? 0, 2), 17)}USD"
        }

        map SalesLine: NopCommerce.Order -> M3.GLS840Line {
            LINE = 2
            PARM = "20261204{padRight("3010", 56)}{padLeft(formatNumber(0 - (order_total ?? 0), 2), 17)}USD"
        }

        flow NopPayments {
            on schedule nop "orders.paid" every 1
            key id
            fetch order from nop "order.get" by payload.id as NopCommerce.Order
            map journal = PaidOrderToJournal(order)
            call m3 "M3.GLS840" with journal into batch
        }
        """;

    /// <summary>CUAM, positions 65–81 of the sandbox's PARM.</summary>
    private static decimal Amount(string parm) => decimal.Parse(parm.Substring(64, 17), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private NopCommerceConnector Nop(HttpClient http)
    {
        var uri = new Uri(Sandbox.NopCommerceBaseUri, "api-backend/");
        return new NopCommerceConnector("nop", new StoreHttp(new ResilientHttp(http, "nop", new ResilienceSettings(), new HostMetrics()), uri, "nopCommerce"),
            new NopCommerceSettings { BaseUri = uri, Email = Sandbox.NopCommerce.Options.Email, Password = Sandbox.NopCommerce.Options.Password });
    }

    private static async Task Eventually(Func<Task<bool>> probe, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Still not: " + what);
            await Task.Delay(100);
        }
    }

    /// <summary>A run's checkpoints, kept in memory as the run store keeps them between attempts.</summary>
    private sealed class Checkpoints : ICheckpoints
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public string? Get(string key) => _values.GetValueOrDefault(key);

        public Task SetAsync(string key, string value, CancellationToken cancellationToken)
        {
            _values[key] = value;
            return Task.CompletedTask;
        }
    }
}
