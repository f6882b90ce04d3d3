using MapLang.Runtime.Functions;

namespace MapLang.Stdlib.Core;

/// <summary>Small helpers over lists of text (street lines, tags, split results).</summary>
[MapFunctions("core")]
public static class ListFunctions
{
    [MapFunction("firstNonBlank", "The first entry that is not null or blank, else null.")]
    public static string? FirstNonBlank(IReadOnlyList<string?>? values)
    {
        if (values is null)
        {
            return null;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(values[i]))
            {
                return values[i];
            }
        }

        return null;
    }

    [MapFunction("item", "The entry at `index` (0-based), or null when the list is null or too short.")]
    public static string? Item(IReadOnlyList<string?>? values, long index) =>
        values is null || index < 0 || index >= values.Count ? null : values[(int)index];

    [MapFunction("count", "The number of entries; 0 for a null list.")]
    public static long Count(IReadOnlyList<string?>? values) => values?.Count ?? 0;
}
