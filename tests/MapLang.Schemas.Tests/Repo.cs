namespace MapLang.Schemas.Tests;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Reference => Path.Combine(Root, "reference");

    public static string StdlibSchemas => Path.Combine(Root, "stdlib", "schemas");

    public static bool UpdateBaselines => Environment.GetEnvironmentVariable("MAPLANG_UPDATE_BASELINES") == "1";

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MapLang.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MapLang.sln not found above " + AppContext.BaseDirectory);
    }
}
