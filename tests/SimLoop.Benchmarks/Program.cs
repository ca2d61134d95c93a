using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/SimLoop.Benchmarks` runs every benchmark and writes the README's
// performance table; BenchmarkDotNet's own arguments (--filter, --list flat, ...) pass through.
BenchmarkSwitcher.FromAssembly(typeof(SimLoop.Benchmarks.Workloads.Counter).Assembly).Run(args);
