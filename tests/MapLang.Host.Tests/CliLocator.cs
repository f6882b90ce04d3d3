namespace MapLang.Host.Tests;

/// <summary>Finds the built <c>maplang.dll</c> (compiler/MapLang.Cli/bin/{Configuration}/net10.0) from the test's own output folder.</summary>
internal static class CliLocator
{
    public static string MaplangDll()
    {
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = baseDir.Name;
        var configuration = baseDir.Parent!.Name;
        var dll = RepositoryRoot.Combine("compiler", "MapLang.Cli", "bin", configuration, framework, "maplang.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build compiler/MapLang.Cli first (dotnet build).", dll);
    }
}
