using System.Text.Json.Nodes;

namespace MapLang.Sandbox.Tests.Support;

/// <summary>The reference examples, read from the repository's reference/ folder (tests may read the repository).</summary>
public static class Reference
{
    private static readonly string Root = FindRoot();

    public static JsonNode Json(string path) => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "reference", path)))!;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "reference", "m3"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("reference/ not found above " + AppContext.BaseDirectory);
    }
}
