using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory.Data;
using SupportBot.Bot.Dialogs.Commands;
using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>What the bot did not understand, kept masked and listed most frequent first for the académie.</summary>
public sealed class MisunderstoodTests
{
    [Fact]
    public async Task MessagesNotUnderstood_AreListedMaskedMostFrequentFirst()
    {
        await using var bot = await BotTestHost.StartAsync();
        await bot.Conversation().Send("blorp zzz").AssertReply("pas certain d'avoir compris");
        await bot.Conversation().Send("BLORP  zzz").AssertReply("pas certain d'avoir compris");
        await bot.Conversation(SupportBot.Bot.Dialogs.Declarative.Channels.Sms, "+33611111111", "+33611111111")
            .Send("blorp zzz").AssertReply("pas certain d'avoir compris");
        await bot.Conversation().Send("xqwv blorp jean.dupont@example.fr 06 12 34 56 78").AssertReply("pas certain d'avoir compris");
        await bot.Conversation().Send("mot de passe oublié").AssertReply("Connaissez-vous");
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await BotCommandLine.RunAsync(["dialogs", "misunderstood", "--days", "365"], services => services
                .AddDialogEngineForTests()
                .Configure<DataOptions>(o => o.Folder = bot.Folder)
                .Configure<AccountDirectory.DirectoryOptions>(o => o.ConnectionString = $"Data Source={Path.Combine(bot.Folder, "supportbot.db")}")
                .Configure<Bot.Dialogs.DialogsOptions>(o => o.Folder = BotTestHost.RepositoryDialogs),
            new Terminal(TextReader.Null, output, error));

        Assert.Equal(ExitCodes.Success, code);
        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("3\tsms,webchat\tblorp zzz", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain("jean.dupont", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("56 78", lines[1], StringComparison.Ordinal);
        Assert.Contains("j***@example.fr", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("mot de passe", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadOptions_AreRefusedWithUsage()
    {
        var error = new StringWriter();

        var code = await BotCommandLine.RunAsync(["dialogs", "misunderstood", "--days", "0"], services => services.AddDialogEngineForTests(),
            new Terminal(TextReader.Null, new StringWriter(), error));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--days", error.ToString(), StringComparison.Ordinal);
    }
}
