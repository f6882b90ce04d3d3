using System.Collections.Concurrent;
using System.Diagnostics;
using MapLang.Compiler.Services.Documents;
using StreamJsonRpc;

namespace MapLang.LanguageServer.Server;

/// <summary>What handlers share: the workspace, URIs, the connection, and a token per document that the next edit cancels.</summary>
public sealed class ServerContext
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _edits = new(StringComparer.Ordinal);

    public ServerContext(ServerOptions options)
    {
        Options = options;
        Publisher = new DiagnosticsPublisher(this);
    }

    public ServerOptions Options { get; }
    public Workspace Workspace { get; } = new();
    public DocumentUris Uris { get; } = new();
    public DiagnosticsPublisher Publisher { get; }
    public JsonRpc Rpc { get; internal set; } = null!;
    public TraceSource Trace { get; } = new("maplang-lsp", SourceLevels.Warning);
    public TaskCompletionSource Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public bool ShutdownRequested { get; set; }

    /// <summary>Cancelled by the next edit of the document: reads on an outdated snapshot stop early.</summary>
    public CancellationToken EditToken(string path) => _edits.GetOrAdd(path, _ => new CancellationTokenSource()).Token;

    public void Edited(string path)
    {
        var fresh = new CancellationTokenSource();
        if (_edits.TryGetValue(path, out var old))
        {
            _edits[path] = fresh;
            old.Cancel();
            old.Dispose();
        }
        else _edits[path] = fresh;
    }

    /// <summary>
    /// Runs a read on the document's current snapshot on the thread pool, cancelled by the request's cancellation or
    /// by the next edit (reported as ContentModified so that clients ask again).
    /// </summary>
    public async Task<T> ReadAsync<T>(string uri, Func<DocumentSnapshot, CancellationToken, T> read, T whenClosed, CancellationToken cancellation)
    {
        var path = Uris.ToPath(uri);
        if (Workspace.Get(path) is not { } snapshot) return whenClosed;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, EditToken(path));
        try
        {
            return await Task.Run(() => read(snapshot, linked.Token), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new LocalRpcException("The document changed while the request was running.") { ErrorCode = ContentModified };
        }
    }

    public const int ContentModified = -32801;
}
