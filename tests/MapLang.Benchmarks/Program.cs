using BenchmarkDotNet.Running;
using MapLang.Benchmarks;

// dotnet run -c Release --project tests/MapLang.Benchmarks -- mappers   (BenchmarkDotNet; add BenchmarkDotNet arguments after)
// dotnet run -c Release --project tests/MapLang.Benchmarks -- check     (check of 50 files, warm)
switch (args.FirstOrDefault())
{
    case "quick":
        QuickRatio.Run();
        break;
    case "check":
        CompilerTimings.Run();
        break;
    default:
        BenchmarkSwitcher.FromTypes([typeof(MapperBenchmarks)]).Run(args.Skip(1).ToArray());
        break;
}
