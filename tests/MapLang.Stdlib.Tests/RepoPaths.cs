namespace MapLang.Stdlib.Tests;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MapLang.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MapLang.sln not found above " + AppContext.BaseDirectory);
    }
}
