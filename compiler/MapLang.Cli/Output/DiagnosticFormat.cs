namespace MapLang.Cli.Output;

public enum DiagnosticFormat { Text, Json, Sarif }
