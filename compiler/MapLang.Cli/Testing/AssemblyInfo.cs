using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MapLang.Cli.Tests")]
