using System.Text.Json;

namespace MapLang.Cli.Tests;

/// <summary>A throw-away suite folder: one map, cases and a tests.json, deleted afterwards.</summary>
public sealed class TestFolder : IDisposable
{
    public const string Map = """
        use Magento
        use M3

        map Order: Magento.Order -> M3.OIS100 {
            require(grand_total > 0, "Order {increment_id} has no total")
            CUNO = "C1"
            CUOR = increment_id
            ORDT = toDate(created_at)
            lines = items.map(Line)
        }

        map Line: Magento.OrderItem -> M3.OIS100Line {
            ITNO = sku
            ORQT = qty_ordered ?? 1
            CUPO = "{item_id}"
        }
        """;

    public const string Order = """
        {"increment_id": "000000007", "created_at": "2024-05-31 10:00:00", "grand_total": 30,
         "items": [{"item_id": 11, "sku": "TEE-S", "qty_ordered": 2}, {"item_id": 12, "sku": "CAP", "qty_ordered": 1}]}
        """;

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "maplang-test-" + Guid.NewGuid().ToString("N"));

    public TestFolder(string? map = null)
    {
        Directory.CreateDirectory(Path);
        Write("order.map", map ?? Map);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Write(string name, string text) => System.IO.File.WriteAllText(File(name), text);

    public string Read(string name) => System.IO.File.ReadAllText(File(name));

    public bool Exists(string name) => System.IO.File.Exists(File(name));

    public void Cases(object tests) => Write("tests.json", JsonSerializer.Serialize(tests));

    public (int Exit, string Output, string Error) Run(bool update = false, string? junit = null, string? path = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Commands.TestCommand.Run(path ?? Path, update, junit, null, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
