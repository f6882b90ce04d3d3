using MapLang.LanguageServer.Handlers;
using MapLang.LanguageServer.Server;
using StreamJsonRpc;

namespace MapLang.LanguageServer.Tests;

public class RobustnessTests
{
    /// <summary>Waits until cancelled; tells the test it was.</summary>
    private sealed class SlowHandler(ServerContext context, TaskCompletionSource cancelled) : RequestHandler<object?, object?>(context)
    {
        public override string Method => "test/slow";

        public override async Task<object?> HandleAsync(object? parameters, CancellationToken cancellation)
        {
            try { await Task.Delay(Timeout.Infinite, cancellation); }
            catch (OperationCanceledException) { cancelled.TrySetResult(); throw; }
            return null;
        }
    }

    private sealed class ThrowingHandler(ServerContext context) : RequestHandler<object?, object?>(context)
    {
        public override string Method => "test/throw";
        public override Task<object?> HandleAsync(object? parameters, CancellationToken cancellation) => throw new InvalidOperationException("boom");
    }

    [Fact]
    public async Task Cancel_request_reaches_the_handler()
    {
        var cancelled = new TaskCompletionSource();
        await using var client = new TestClient(c => [new SlowHandler(c, cancelled)]);
        await client.InitializeAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Should.ThrowAsync<OperationCanceledException>(() => client.RequestAsync("test/slow", new { }, cts.Token));
        (await Task.WhenAny(cancelled.Task, Task.Delay(10_000))).ShouldBe(cancelled.Task);
    }

    [Fact]
    public async Task A_failing_request_leaves_the_server_running()
    {
        await using var client = new TestClient(c => [new ThrowingHandler(c)]);
        await client.InitializeAsync();
        await Should.ThrowAsync<RemoteInvocationException>(() => client.RequestAsync("test/throw", new { }));
        // Nonsense parameters for a real request fail that request only.
        await Should.ThrowAsync<RemoteInvocationException>(() => client.RequestAsync("textDocument/hover", new { textDocument = 42 }));
        var uri = TestClient.Uri("alive.map");
        await client.OpenAsync(uri, "use M3\n");
        (await client.DiagnosticsAsync(uri)).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_read_is_cancelled_by_the_next_edit()
    {
        await using var client = new TestClient();
        await client.InitializeAsync();
        var uri = TestClient.Uri("edit.map");
        await client.OpenAsync(uri, "use M3\n");
        await client.DiagnosticsAsync(uri, 1);
        var started = new TaskCompletionSource();
        var read = client.Server.Context.ReadAsync(uri, (_, token) =>
        {
            started.SetResult();
            token.WaitHandle.WaitOne(TimeSpan.FromSeconds(20));
            token.ThrowIfCancellationRequested();
            return 0;
        }, -1, CancellationToken.None);
        await started.Task;
        await client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri, version = 2 }, contentChanges = new[] { new { text = "use Magento\n" } } });
        var error = await Should.ThrowAsync<LocalRpcException>(() => read);
        error.ErrorCode.ShouldBe(ServerContext.ContentModified);
    }

    [Fact]
    public async Task Edits_apply_in_order_however_fast_they_come()
    {
        await using var client = new TestClient();
        await client.InitializeAsync();
        var uri = TestClient.Uri("order.map");
        await client.OpenAsync(uri, "");
        var text = "use Magento\nuse M3\nconst A = 1\n";
        for (var i = 0; i < text.Length; i++)
        {
            var position = TestClient.Position(text, i);
            await client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri, version = i + 2 }, contentChanges = new[] { new { range = new { start = position, end = position }, text = text[i].ToString() } } });
        }
        (await client.DiagnosticsAsync(uri, text.Length + 1)).GetArrayLength().ShouldBe(0);
        client.Server.Context.Workspace.Get(new Uri(uri).LocalPath)!.Text.Text.ShouldBe(text);
    }
}
