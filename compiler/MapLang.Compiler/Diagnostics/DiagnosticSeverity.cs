namespace MapLang.Compiler.Diagnostics;

public enum DiagnosticSeverity { Error, Warning, Info }
