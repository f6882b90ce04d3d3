namespace MapLang.Cli.Demo;

/// <summary>What <c>maplang demo</c> runs on: the example folders, where it keeps its state between runs, and how long it waits.</summary>
internal sealed record DemoOptions(string Examples, string StateFolder, bool Fresh, TimeSpan Timeout);
