namespace MapLang.Testing;

/// <summary>The repository's root folder (the one holding MapLang.sln), found upwards from the test binaries or else the working folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find(AppContext.BaseDirectory) ?? Find(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException("MapLang.sln not found above " + AppContext.BaseDirectory);

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MapLang.sln"))) return dir.FullName;
        return null;
    }
}
