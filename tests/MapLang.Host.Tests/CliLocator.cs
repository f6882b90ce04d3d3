namespace MapLang.Host.Tests;

/// <summary>Finds the built <c>maplang.dll</c> (compiler/MapLang.Cli/bin/{Configuration}/net10.0) from the test's own output folder.</summary>
internal static class CliLocator
{
    public static string MaplangDll()
    {
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = baseDir.Name;
        var configuration = baseDir.Parent!.Name;
        var root = baseDir;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MapLang.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("MapLang.sln not found above " + AppContext.BaseDirectory);
        var dll = Path.Combine(root.FullName, "compiler", "MapLang.Cli", "bin", configuration, framework, "maplang.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build compiler/MapLang.Cli first (dotnet build).", dll);
    }
}
