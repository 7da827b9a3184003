using System.CommandLine;
using SupportBot.Bench.Turns;

// Each benchmark is one subcommand; `turns` lives in Turns/ (the dialog engine's), others beside it.
var root = new RootCommand("SupportBot benchmarks. Run with -c Release; results are one JSON line on standard output.")
{
    TurnsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
