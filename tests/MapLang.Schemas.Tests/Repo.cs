namespace MapLang.Schemas.Tests;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class Repo
{
    public static string Root => RepositoryRoot.Path;

    public static string Reference => Path.Combine(Root, "reference");

    public static string StdlibSchemas => Path.Combine(Root, "stdlib", "schemas");

    public static bool UpdateBaselines => Environment.GetEnvironmentVariable("MAPLANG_UPDATE_BASELINES") == "1";

}
