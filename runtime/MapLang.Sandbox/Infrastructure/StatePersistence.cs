using System.Text.Json;
using MapLang.Sandbox.M3.Data;

namespace MapLang.Sandbox.Infrastructure;

/// <summary>Optional persistence of the M3 state to a JSON file (stores are re-seeded from the examples at each start).</summary>
public static class StatePersistence
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Save(M3Data data, string path)
    {
        string text;
        lock (data.Gate) text = JsonSerializer.Serialize(data, Json);
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }

    public static M3Data Load(string path) =>
        JsonSerializer.Deserialize<M3Data>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} holds no sandbox state");
}
