using MapLang.Runtime.Functions;

namespace MapLang.Stdlib.Core;

/// <summary><c>coalesce</c>: the first value that is not null, for every language type (generated once, kept plain).</summary>
[MapFunctions("core")]
public static class CoalesceFunctions
{
    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static string? Coalesce(string? a, string? b) => a ?? b;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static string? Coalesce(string? a, string? b, string? c) => a ?? b ?? c;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static string? Coalesce(string? a, string? b, string? c, string? d) => a ?? b ?? c ?? d;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static long? Coalesce(long? a, long? b) => a ?? b;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static long? Coalesce(long? a, long? b, long? c) => a ?? b ?? c;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static long? Coalesce(long? a, long? b, long? c, long? d) => a ?? b ?? c ?? d;

    [MapFunction("coalesce", "The value, or the non-null `fallback` when it is null.")]
    public static long Coalesce(long? value, long fallback) => value ?? fallback;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static decimal? Coalesce(decimal? a, decimal? b) => a ?? b;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static decimal? Coalesce(decimal? a, decimal? b, decimal? c) => a ?? b ?? c;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static decimal? Coalesce(decimal? a, decimal? b, decimal? c, decimal? d) => a ?? b ?? c ?? d;

    [MapFunction("coalesce", "The value, or the non-null `fallback` when it is null.")]
    public static decimal Coalesce(decimal? value, decimal fallback) => value ?? fallback;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static bool? Coalesce(bool? a, bool? b) => a ?? b;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static bool? Coalesce(bool? a, bool? b, bool? c) => a ?? b ?? c;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static bool? Coalesce(bool? a, bool? b, bool? c, bool? d) => a ?? b ?? c ?? d;

    [MapFunction("coalesce", "The value, or the non-null `fallback` when it is null.")]
    public static bool Coalesce(bool? value, bool fallback) => value ?? fallback;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static DateOnly? Coalesce(DateOnly? a, DateOnly? b) => a ?? b;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static DateOnly? Coalesce(DateOnly? a, DateOnly? b, DateOnly? c) => a ?? b ?? c;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static DateOnly? Coalesce(DateOnly? a, DateOnly? b, DateOnly? c, DateOnly? d) => a ?? b ?? c ?? d;

    [MapFunction("coalesce", "The value, or the non-null `fallback` when it is null.")]
    public static DateOnly Coalesce(DateOnly? value, DateOnly fallback) => value ?? fallback;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static DateTimeOffset? Coalesce(DateTimeOffset? a, DateTimeOffset? b) => a ?? b;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static DateTimeOffset? Coalesce(DateTimeOffset? a, DateTimeOffset? b, DateTimeOffset? c) => a ?? b ?? c;

    [MapFunction("coalesce", "The first of the values that is not null, else null.")]
    public static DateTimeOffset? Coalesce(DateTimeOffset? a, DateTimeOffset? b, DateTimeOffset? c, DateTimeOffset? d) => a ?? b ?? c ?? d;

    [MapFunction("coalesce", "The value, or the non-null `fallback` when it is null.")]
    public static DateTimeOffset Coalesce(DateTimeOffset? value, DateTimeOffset fallback) => value ?? fallback;
}
