namespace MapLang.Cli.Testing;

public enum TestOutcome
{
    /// <summary>The received record (or error) equals the verified one.</summary>
    Passed,
    /// <summary>The received record differs, the expected error did not happen, or the case could not run.</summary>
    Failed,
    /// <summary>There is no verified file yet: the received one waits for review.</summary>
    New,
    /// <summary>A difference (or a new case) was accepted with --update: the verified file was rewritten.</summary>
    Accepted,
}

/// <summary>The result of one case: the outcome, a one-line message and the field-level differences.</summary>
public sealed record TestResult(
    string Suite,
    string Name,
    string Map,
    TestOutcome Outcome,
    string? Message,
    IReadOnlyList<string> Details,
    TimeSpan Duration)
{
    public bool IsFailure => Outcome is TestOutcome.Failed or TestOutcome.New;
}

/// <summary>All results of a run, plus problems that stopped a whole suite (a map that does not compile).</summary>
public sealed record TestRunResult(IReadOnlyList<TestResult> Results)
{
    public int Passed => Results.Count(r => r.Outcome == TestOutcome.Passed);
    public int Failed => Results.Count(r => r.Outcome == TestOutcome.Failed);
    public int New => Results.Count(r => r.Outcome == TestOutcome.New);
    public int Accepted => Results.Count(r => r.Outcome == TestOutcome.Accepted);
    public bool Success => Results.All(r => !r.IsFailure);
}
