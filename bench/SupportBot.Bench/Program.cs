using System.CommandLine;
using SupportBot.Bench.Nlu;

// One subcommand per benchmark: dotnet run -c Release --project bench/SupportBot.Bench -- <name>
var root = new RootCommand("SupportBot benchmarks; each prints one JSON line of figures measured on this machine.")
{
    NluBenchmark.Command(),
    NluModelComparison.Command(),
};
return await root.Parse(args).InvokeAsync();
