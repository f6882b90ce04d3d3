namespace MapLang.Host.Configuration;

/// <summary>
/// Secret values in the configuration: <c>env:NAME</c> reads an environment variable, <c>file:path</c> a file (relative to the
/// project folder, trimmed); anything else is taken as written. Secrets are never logged.
/// </summary>
public static class Secrets
{
    public static string? Resolve(string? value, string baseDirectory)
    {
        if (value is null) return null;
        if (value.StartsWith("env:", StringComparison.Ordinal))
            return Environment.GetEnvironmentVariable(value[4..]) ?? throw new InvalidOperationException($"The environment variable {value[4..]} named in the configuration is not set.");
        if (value.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.Combine(baseDirectory, value[5..]);
            return File.Exists(path) ? File.ReadAllText(path).Trim() : throw new InvalidOperationException($"The secret file {path} named in the configuration does not exist.");
        }
        return value;
    }
}
