using System.CommandLine;
using SupportBot.Bench.DirectLine;
using SupportBot.Bench.Nlu;
using SupportBot.Bench.Schools;
using SupportBot.Bench.Turns;

// One subcommand per benchmark: dotnet run -c Release --project bench/SupportBot.Bench -- <name>
var root = new RootCommand("SupportBot benchmarks. Run with -c Release; each prints one JSON line of figures measured on this machine.")
{
    NluBenchmark.Command(),
    NluModelComparison.Command(),
    TurnsCommand.Create(),
    DirectLineLoadCommand.Create(),
    SchoolsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
