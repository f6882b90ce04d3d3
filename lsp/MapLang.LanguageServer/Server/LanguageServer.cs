using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using MapLang.LanguageServer.Handlers;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace MapLang.LanguageServer.Server;

/// <summary>
/// The MapLang language server over a pair of streams (stdio for <c>maplang lsp</c>, pipes in tests). It only translates:
/// the language logic lives in MapLang.Compiler.Services. Messages are dispatched in arrival order up to their first
/// await, so text edits apply in order while reads run concurrently on the thread pool; <c>$/cancelRequest</c> cancels a
/// request's token; an exception in a handler becomes an error response and the server carries on.
/// </summary>
public sealed class LanguageServer : IDisposable
{
    private readonly JsonRpc _rpc;

    /// <param name="extraHandlers">Handlers beyond the built-in ones (tests use them to check cancellation and failure isolation).</param>
    public LanguageServer(Stream input, Stream output, ServerOptions? options = null, TraceListener? log = null, Func<ServerContext, IEnumerable<IHandler>>? extraHandlers = null)
    {
        Context = new ServerContext(options ?? ServerOptions.Default);
        if (log is not null) Context.Trace.Listeners.Add(log);
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter))
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };
        _rpc.TraceSource = Context.Trace;
        Context.Rpc = _rpc;

        Handlers = [.. HandlerCatalog.Create(Context), .. extraHandlers?.Invoke(Context) ?? []];
        var capabilities = new Capabilities();
        foreach (var handler in Handlers)
        {
            handler.Declare(capabilities);
            handler.Register(_rpc);
        }
        foreach (var initialize in Handlers.OfType<InitializeHandler>()) initialize.Capabilities = capabilities;
        Capabilities = capabilities;
    }

    public ServerContext Context { get; }
    public IReadOnlyList<IHandler> Handlers { get; }
    public Capabilities Capabilities { get; }

    /// <summary>Serves until the client sends <c>exit</c> or the connection closes.</summary>
    public async Task RunAsync()
    {
        // Load the stdlib schemas and run the parser and binder once while the client is still shaking hands,
        // so that the first document's diagnostics do not wait for them.
        _ = Task.Run(Warmup);
        _rpc.StartListening();
        await Task.WhenAny(_rpc.Completion, Context.Exited.Task).ConfigureAwait(false);
    }

    public void Dispose() => _rpc.Dispose();

    private void Warmup()
    {
        try
        {
            const string sample = "use Magento\nuse M3\nmap Magento.OrderItem -> M3.OIS100Line {\n    ITNO = truncate(sku, 15)\n    ORQT = qty_ordered ?? 1\n}\n";
            var analysis = Compiler.Services.Documents.DocumentAnalysis.Create(Path.Combine(Path.GetTempPath(), "maplang-warmup.map"), sample, Compiler.Semantics.CompilationOptions.Default);
            _ = analysis.Diagnostics;
            _ = Compiler.Services.Completion.CompletionService.GetCompletions(analysis, sample.IndexOf("ORQT", StringComparison.Ordinal));
        }
        catch (Exception e)
        {
            Context.Trace.TraceEvent(TraceEventType.Warning, 0, $"Warm-up failed: {e.Message}");
        }
    }
}
