using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Tests.Commands;

/// <summary>The program's one command line: the service by default with ASP.NET Core's own arguments, the tools as sub-commands.</summary>
public sealed class BotCommandLineTests
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private (string[] Args, bool SeedDemo)? _started;

    [Fact]
    public async Task NoCommand_StartsTheServiceWithAspNetCoresArgumentsAsGiven()
    {
        string[] args = ["--contentRoot", "/srv/supportbot", "--seed-demo", "--urls", "http://127.0.0.1:5080", "Mail:Mode=Pickup",
            "--Directory:Provider", "Sqlite", "--environment=Production"];

        var code = await RunAsync(args);

        Assert.Equal(0, code);
        Assert.Equal(["--contentRoot", "/srv/supportbot", "--urls", "http://127.0.0.1:5080", "Mail:Mode=Pickup", "--Directory:Provider", "Sqlite",
            "--environment=Production"], _started?.Args);
        Assert.True(_started?.SeedDemo);
    }

    [Fact]
    public async Task NothingAtAll_StartsTheServiceWithoutDemoData()
    {
        var code = await RunAsync();

        Assert.Equal(0, code);
        Assert.Equal([], _started?.Args);
        Assert.False(_started?.SeedDemo);
    }

    [Fact]
    public async Task MistypedCommand_IsRefusedInsteadOfStartingTheService()
    {
        var code = await RunAsync("dialog", "check");

        Assert.Equal(1, code);
        Assert.Null(_started);
        Assert.Contains("Unknown command « dialog »", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolsUnknownOption_IsRefusedWithUsage()
    {
        var code = await RunAsync("dialogs", "check", "--urls", "http://127.0.0.1:5080");

        Assert.Equal(1, code);
        Assert.Null(_started);
        Assert.Contains("--urls", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheServiceOptionAndEveryCommand()
    {
        var code = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Null(_started);
        var help = _output.ToString();
        Assert.Contains("--seed-demo", help, StringComparison.Ordinal);
        Assert.Contains("--urls", help, StringComparison.Ordinal);
        foreach (var command in new[] { "chat", "dialogs", "nlu", "schools", "mail" })
        {
            Assert.Matches($@"(?m)^\s+{command}\s+\S", help);
        }
    }

    [Theory]
    [InlineData("chat")]
    [InlineData("dialogs", "check")]
    [InlineData("dialogs", "misunderstood")]
    [InlineData("nlu")]
    [InlineData("schools", "import")]
    [InlineData("schools", "find")]
    [InlineData("mail", "queue")]
    public async Task EveryCommandsHelp_DescribesItWithoutStartingAnything(params string[] command)
    {
        var code = await RunAsync([.. command, "--help"]);

        Assert.Equal(0, code);
        Assert.Null(_started);
        Assert.Matches($@"Usage:\s+\S+ {string.Join(' ', command)} ", _output.ToString());
        Assert.Equal("", _error.ToString());
    }

    private Task<int> RunAsync(params string[] args) =>
        BotCommandLine.RunAsync(args, _ => { }, new Terminal(TextReader.Null, _output, _error), (hostArgs, seedDemo) =>
        {
            _started = (hostArgs, seedDemo);
            return Task.FromResult(0);
        }, TestContext.Current.CancellationToken);
}
