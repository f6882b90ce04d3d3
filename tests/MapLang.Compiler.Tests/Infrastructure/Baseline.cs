namespace MapLang.Compiler.Tests.Infrastructure;

/// <summary>
/// Verify-style baseline files: a mismatch writes <c>*.received.*</c> next to the baseline and fails with a diff;
/// <c>MAPLANG_UPDATE_BASELINES=1</c> accepts the received text instead.
/// </summary>
public static class Baseline
{
    public static bool Updating => Environment.GetEnvironmentVariable("MAPLANG_UPDATE_BASELINES") is "1" or "true";

    public static void Match(string path, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        var received = ReceivedPath(path);
        if (Updating)
        {
            File.WriteAllText(path, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        var expected = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No baseline {path}; the output was written to {received}. Accept it with MAPLANG_UPDATE_BASELINES=1."
            : $"{path} differs from the output (written to {received}):\n{Diff(expected, actual)}\nAccept it with MAPLANG_UPDATE_BASELINES=1.");
    }

    private static string ReceivedPath(string path)
    {
        var dir = System.IO.Path.GetDirectoryName(path)!;
        var name = System.IO.Path.GetFileName(path);
        var dot = name.IndexOf('.');
        return System.IO.Path.Combine(dir, dot < 0 ? name + ".received" : name[..dot] + ".received" + name[dot..]);
    }

    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lines = new List<string>();
        for (var i = 0; i < Math.Max(a.Length, b.Length) && lines.Count < 20; i++)
        {
            var x = i < a.Length ? a[i] : null;
            var y = i < b.Length ? b[i] : null;
            if (x == y) continue;
            if (x is not null) lines.Add($"  line {i + 1} - {x}");
            if (y is not null) lines.Add($"  line {i + 1} + {y}");
        }
        return string.Join('\n', lines);
    }
}
