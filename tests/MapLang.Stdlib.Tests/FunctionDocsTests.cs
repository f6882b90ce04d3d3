using System.Text;

namespace MapLang.Stdlib.Tests;

/// <summary>docs/functions.md is generated from the attributes; set MAPLANG_UPDATE_BASELINES=1 to regenerate.</summary>
public class FunctionDocsTests
{
    [Fact]
    public void Functions_reference_is_up_to_date()
    {
        var path = RepositoryRoot.Combine("docs", "functions.md");
        var expected = Generate();
        if (Environment.GetEnvironmentVariable("MAPLANG_UPDATE_BASELINES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        File.Exists(path).ShouldBeTrue("docs/functions.md is missing: run with MAPLANG_UPDATE_BASELINES=1");
        File.ReadAllText(path).ReplaceLineEndings("\n").ShouldBe(expected, "docs/functions.md is stale: run `MAPLANG_UPDATE_BASELINES=1 dotnet test tests/MapLang.Stdlib.Tests`");
    }

    internal static string Generate()
    {
        var sb = new StringBuilder();
        sb.Append("# Function reference\n\n");
        sb.Append("<!-- Generated from the [MapFunction] attributes in stdlib/MapLang.Stdlib by tests/MapLang.Stdlib.Tests/FunctionDocsTests.cs.\n");
        sb.Append("     Do not edit: run `MAPLANG_UPDATE_BASELINES=1 dotnet test tests/MapLang.Stdlib.Tests`. -->\n\n");
        sb.Append("Every function is culture-invariant and deterministic. Unless a signature says otherwise, a null input gives a null result.\n");
        sb.Append("Bad input (an unparsable number, an unknown code) fails the message with a `MappingException` naming the function and the value.\n");
        sb.Append("Types: `string`, `long`, `decimal`, `bool`, `date` (a calendar date), `datetime` (an instant with an offset), `list<T>`; `?` marks a value that may be null.\n\n");

        var categories = FunctionCatalog.Stdlib.Select(f => f.Category).Distinct().ToList();
        sb.Append("Categories: ");
        sb.Append(string.Join(", ", categories.Select(c => $"[{c}](#{c})")));
        sb.Append("\n");
        foreach (var category in categories)
        {
            sb.Append("\n## ").Append(category).Append("\n\n");
            sb.Append("| function | description |\n|---|---|\n");
            foreach (var f in FunctionCatalog.Stdlib.Where(f => f.Category == category))
            {
                sb.Append("| `").Append(f.Signature.Replace("|", "\\|")).Append("` | ")
                  .Append(f.Doc.Replace("|", "\\|")).Append(" |\n");
            }
        }

        return sb.ToString();
    }
}
