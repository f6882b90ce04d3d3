namespace MapLang.LanguageServer.Server;

/// <param name="DiagnosticsDelay">How long diagnostics wait after an edit for the next keystroke.</param>
public sealed record ServerOptions(TimeSpan DiagnosticsDelay)
{
    public static ServerOptions Default { get; } = new(TimeSpan.FromMilliseconds(20));
}
