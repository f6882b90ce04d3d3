using System.Collections.Concurrent;
using System.Diagnostics;
using MapLang.LanguageServer.Protocol;

namespace MapLang.LanguageServer.Server;

/// <summary>
/// Publishes a document's diagnostics (those of <c>maplang check</c>) after it opens and, debounced, after it changes.
/// A publication still waiting is dropped when a newer edit arrives; a result for an outdated snapshot is not sent.
/// </summary>
public sealed class DiagnosticsPublisher(ServerContext context)
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);

    public void Schedule(string path, TimeSpan delay)
    {
        var cts = new CancellationTokenSource();
        if (_pending.TryGetValue(path, out var previous)) previous.Cancel();
        _pending[path] = cts;
        _ = PublishAsync(path, delay, cts.Token);
    }

    public void Clear(string path)
    {
        if (_pending.TryRemove(path, out var previous)) previous.Cancel();
        _ = SendAsync(new PublishDiagnosticsParams(context.Uris.ToUri(path), null, []));
    }

    private async Task PublishAsync(string path, TimeSpan delay, CancellationToken cancellation)
    {
        try
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellation).ConfigureAwait(false);
            await Task.Yield();
            if (context.Workspace.Get(path) is not { } snapshot || cancellation.IsCancellationRequested) return;
            var diagnostics = snapshot.Analysis.Diagnostics.Select(d => d.ToProtocol()).ToArray();
            if (cancellation.IsCancellationRequested || context.Workspace.Get(path)?.Version != snapshot.Version) return;
            await SendAsync(new PublishDiagnosticsParams(context.Uris.ToUri(path), snapshot.Version, diagnostics)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { }
        catch (Exception e)
        {
            context.Trace.TraceEvent(TraceEventType.Error, 0, $"Diagnostics for {path} failed: {e}");
        }
    }

    private async Task SendAsync(PublishDiagnosticsParams parameters)
    {
        try
        {
            await context.Rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", parameters).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ObjectDisposedException or StreamJsonRpc.ConnectionLostException or IOException) { }
    }
}
