using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using MapLang.LanguageServer.Handlers;
using MapLang.LanguageServer.Server;
using StreamJsonRpc;

namespace MapLang.LanguageServer.Tests;

/// <summary>
/// A client talking to an in-process server over real streams (two pipes), with documents written in cursor markup:
/// <c>|</c> is the cursor, <c>[| |]</c> a span.
/// </summary>
public sealed class TestClient : IAsyncDisposable
{
    private readonly JsonRpc _rpc;
    private readonly Task _server;
    private readonly Channel<JsonElement> _diagnostics = Channel.CreateUnbounded<JsonElement>();

    public TestClient(Func<ServerContext, IEnumerable<IHandler>>? extraHandlers = null)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        Server = new Server.LanguageServer(toServer.Reader.AsStream(), toClient.Writer.AsStream(), extraHandlers: extraHandlers);
        _server = Server.RunAsync();
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(toServer.Writer.AsStream(), toClient.Reader.AsStream(), formatter));
        Action<JsonElement> onDiagnostics = p => _diagnostics.Writer.TryWrite(p.Clone());
        _rpc.AddLocalRpcMethod(onDiagnostics.Method, onDiagnostics.Target, new JsonRpcMethodAttribute("textDocument/publishDiagnostics") { UseSingleObjectParameterDeserialization = true });
        _rpc.StartListening();
    }

    public Server.LanguageServer Server { get; }

    public static string Uri(string name = "main.map") => new System.Uri(Path.Combine(Path.GetTempPath(), "maplang-lsp-tests", name)).AbsoluteUri;

    public Task<JsonElement> InitializeAsync() => RequestAsync("initialize", new { processId = Environment.ProcessId, rootUri = (string?)null, capabilities = new { } });

    public Task<JsonElement> RequestAsync(string method, object parameters, CancellationToken cancellation = default) =>
        _rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters, cancellation);

    public Task NotifyAsync(string method, object parameters) => _rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "maplang", version, text } });

    /// <summary>Waits for the diagnostics of a document (of a version, when given).</summary>
    public async Task<JsonElement> DiagnosticsAsync(string uri, int? version = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var p = await _diagnostics.Reader.ReadAsync(timeout.Token);
            if (p.GetProperty("uri").GetString() != uri) continue;
            if (version is { } v && (!p.TryGetProperty("version", out var got) || got.GetInt32() != v)) continue;
            return p.GetProperty("diagnostics");
        }
    }

    public static object Position(string text, int offset)
    {
        var before = text[..offset];
        var line = before.Count(c => c == '\n');
        return new { line, character = offset - (before.LastIndexOf('\n') + 1) };
    }

    public static object At(string uri, string text, int offset) => new { textDocument = new { uri }, position = Position(text, offset) };

    public async ValueTask DisposeAsync()
    {
        try { await NotifyAsync("exit", new { }); } catch (Exception) { }
        await Task.WhenAny(_server, Task.Delay(5000));
        _rpc.Dispose();
        Server.Dispose();
    }
}

/// <summary>Cursor markup: <c>|</c> is the cursor, <c>[| |]</c> marks spans.</summary>
public sealed record Markup(string Text, int Cursor, IReadOnlyList<(int Start, int End)> Spans)
{
    public static Markup Parse(string markup)
    {
        var sb = new StringBuilder();
        var cursor = -1;
        var spans = new List<(int, int)>();
        var open = new Stack<int>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '[' && i + 1 < markup.Length && markup[i + 1] == '|') { open.Push(sb.Length); i++; continue; }
            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == ']') { spans.Add((open.Pop(), sb.Length)); i++; continue; }
            if (markup[i] == '|') { cursor = sb.Length; continue; }
            sb.Append(markup[i]);
        }
        spans.Sort();
        return new Markup(sb.ToString(), cursor, spans);
    }

    public object RangeOf(int span) => new { start = TestClient.Position(Text, Spans[span].Start), end = TestClient.Position(Text, Spans[span].End) };
}
