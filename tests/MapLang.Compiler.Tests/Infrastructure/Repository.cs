namespace MapLang.Compiler.Tests.Infrastructure;

/// <summary>Paths inside the repository, found from the test binaries by looking for MapLang.sln.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "MapLang.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MapLang.sln not found above " + AppContext.BaseDirectory);
    }
}
