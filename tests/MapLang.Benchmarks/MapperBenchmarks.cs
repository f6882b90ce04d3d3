using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MapLang.Compiler.Emit;
using MapLang.Compiler.Semantics;
using MapLang.Runtime.Mapping;

namespace MapLang.Benchmarks;

/// <summary>
/// Per-record time and allocations of the compiled Magento order → M3 order mapper against hand-written C#
/// doing the same work, on the real order and on the same order with 50 lines.
/// </summary>
[MemoryDiagnoser]
public class MapperBenchmarks
{
    private IMapper _generated = null!;
    private byte[] _payload = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private Utf8JsonWriter _writer = null!;
    private MapContext _context = null!;

    [Params("real order", "50 lines")]
    public string Payload { get; set; } = "real order";

    [GlobalSetup]
    public void Setup()
    {
        var compilation = MapProject.Compile(RepositoryRoot.Combine("examples", "magento", "order-to-m3.map"));
        var emitted = MapperBuilder.Build(compilation);
        if (!emitted.Success) throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
        _generated = emitted.Assembly!.FindMapper("OrderToOIS100")!;
        _payload = Payload == "real order" ? OrderPayloads.Real() : OrderPayloads.WithLines(50);
        _writer = new Utf8JsonWriter(_buffer);
        _context = new MapContext(new DictionaryLookupResolver(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["CUNO"] = new Dictionary<string, string> { ["jdoe@example.com"] = "10001" },
        }));
        Check();
    }

    /// <summary>The three produce the same JSON, or the comparison means nothing.</summary>
    private void Check()
    {
        var generated = Output(() => Generated());
        var streaming = Output(() => HandWrittenStreaming());
        var document = Output(() => HandWrittenDocument());
        if (generated != streaming || generated != document)
            throw new InvalidOperationException($"Outputs differ:\n{generated}\n{streaming}\n{document}");
    }

    private string Output(Action run)
    {
        run();
        return System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    [Benchmark(Description = "generated (MapLang)")]
    public int Generated()
    {
        Reset();
        _generated.Map(_payload, _writer, _context);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Baseline = true, Description = "hand-written, Utf8JsonReader")]
    public int HandWrittenStreaming()
    {
        Reset();
        HandWrittenStreamingMapper.Map(_payload, _writer, _context);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "hand-written, JsonDocument")]
    public int HandWrittenDocument()
    {
        Reset();
        HandWrittenDocumentMapper.Map(_payload, _writer, _context);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }
}
