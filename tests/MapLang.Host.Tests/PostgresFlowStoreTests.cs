using MapLang.Host.Store;
using Npgsql;

namespace MapLang.Host.Tests;

/// <summary>
/// The PostgreSQL store with competing workers. Runs only when MAPLANG_TEST_POSTGRES holds a connection string
/// (e.g. <c>Host=127.0.0.1;Username=postgres;Password=maplang;Database=maplang_test</c>); each test works in a schema of its own.
/// </summary>
public sealed class PostgresFlowStoreTests : IAsyncLifetime
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("MAPLANG_TEST_POSTGRES");
    private readonly string _schema = "t" + Guid.NewGuid().ToString("N")[..12];
    private string _connection = "";

    public async Task InitializeAsync()
    {
        if (Server is null) return;
        await using var db = NpgsqlDataSource.Create(Server);
        await using var command = db.CreateCommand($"CREATE SCHEMA {_schema}");
        await command.ExecuteNonQueryAsync();
        _connection = new NpgsqlConnectionStringBuilder(Server) { SearchPath = _schema }.ToString();
    }

    public async Task DisposeAsync()
    {
        if (Server is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var db = NpgsqlDataSource.Create(Server);
        await using var command = db.CreateCommand($"DROP SCHEMA {_schema} CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Two_hosts_competing_take_each_run_exactly_once()
    {
        if (Server is null) return;
        await using var a = new PostgresFlowStore(_connection);
        await using var b = new PostgresFlowStore(_connection);
        await Task.WhenAll(a.InitializeAsync(), b.InitializeAsync());

        var accepted = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => (i % 2 == 0 ? a : b).AcceptAsync("flow", $"k{i % 200}", [1, 2, 3])));
        accepted.Count(r => !r.Duplicate).ShouldBe(200);
        accepted.Where(r => r.Duplicate).ShouldAllBe(r => r.RunId > 0);

        var taken = new System.Collections.Concurrent.ConcurrentBag<long>();
        async Task Work(IFlowStore store)
        {
            while (true)
            {
                var claimed = await store.ClaimAsync(7, DateTimeOffset.UtcNow);
                if (claimed.Count == 0) return;
                foreach (var run in claimed)
                {
                    taken.Add(run.Id);
                    await store.SaveCheckpointAsync(run.Id, "step:x", "done");
                    await store.CompleteAsync(run.Id);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Work(i % 2 == 0 ? a : b)));
        taken.Count.ShouldBe(200);
        taken.Distinct().Count().ShouldBe(200);
        (await a.CountAsync()).Runs["done"].ShouldBe(200);
        (await b.LoadCheckpointsAsync(taken.First()))["step:x"].ShouldBe("done");
    }

    [Fact]
    public async Task A_run_whose_host_died_is_taken_again_after_its_lease_and_replies_keep_their_order()
    {
        if (Server is null) return;
        await using var dead = new PostgresFlowStore(_connection, lease: TimeSpan.FromMilliseconds(300));
        await using var alive = new PostgresFlowStore(_connection, lease: TimeSpan.FromMilliseconds(300));
        await dead.InitializeAsync();
        var run = await dead.AcceptAsync("flow", "k", [1]);
        (await dead.ClaimAsync(10, DateTimeOffset.UtcNow)).Count.ShouldBe(1);
        (await alive.ClaimAsync(10, DateTimeOffset.UtcNow)).ShouldBeEmpty();
        var again = await alive.ClaimAsync(10, DateTimeOffset.UtcNow.AddSeconds(1));
        again.Single().Id.ShouldBe(run.RunId);
        again.Single().Attempts.ShouldBe(2);

        await alive.EnqueueOutboxAsync(run.RunId, "first", "shop", "order.status", "1", "{}");
        await alive.EnqueueOutboxAsync(run.RunId, "second", "shop", "order.ship", "1", "{}");
        await alive.EnqueueOutboxAsync(run.RunId, "first", "shop", "order.status", "1", "{}");
        var first = await alive.ClaimOutboxAsync(10, DateTimeOffset.UtcNow);
        first.Select(m => m.Operation).ShouldBe(["order.status"]);
        await alive.CompleteOutboxAsync(first[0].Id);
        (await alive.ClaimOutboxAsync(10, DateTimeOffset.UtcNow)).Select(m => m.Operation).ShouldBe(["order.ship"]);

        await alive.SaveWatermarkAsync("poll:flow", "2026-01-01T00:00:00Z");
        (await dead.GetWatermarkAsync("poll:flow")).ShouldBe("2026-01-01T00:00:00Z");
        await alive.DeadLetterAsync(run.RunId, "reason");
        (await dead.ReplayAsync(run.RunId)).ShouldBeTrue();
        (await dead.GetAsync(run.RunId))!.Status.ShouldBe(RunStatus.Pending);
    }
}
