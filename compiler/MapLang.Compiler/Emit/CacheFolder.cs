namespace MapLang.Compiler.Emit;

/// <summary>
/// Where MapLang keeps files between runs: <c>$MAPLANG_CACHE</c> when it names a folder, else the user's local data folder
/// (or the temp folder). <c>MAPLANG_CACHE=off</c> turns off the cache of compiled assemblies; files that must exist
/// (the stdlib schemas opened by go-to-definition) then go to the temp folder.
/// </summary>
public static class CacheFolder
{
    private static string? Configured => Environment.GetEnvironmentVariable("MAPLANG_CACHE");

    public static bool AssembliesDisabled => Configured is "off" or "0";

    public static string Root
    {
        get
        {
            if (Configured is { Length: > 0 } configured && !AssembliesDisabled) return Path.GetFullPath(configured);
            if (AssembliesDisabled) return Path.Combine(Path.GetTempPath(), "maplang");
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return Path.Combine(string.IsNullOrEmpty(local) ? Path.GetTempPath() : local, "maplang");
        }
    }
}
