using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Mail;
using SupportBot.Bot.Dialogs;
using SupportBot.Bot.Dialogs.Actions;
using SupportBot.Bot.Mail.Commands;
using SupportBot.Bot.Tests.Dialogs;
using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Tests.Mail;

/// <summary><c>mail queue</c> in-process, as Program dispatches it, on a directory holding a waiting and a failed mail.</summary>
public sealed class MailQueueCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supportbot-mailcmd-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Piped_OneTabSeparatedLinePerMail_AddressesMasked_Exit2ForTheFailed()
    {
        await QueueAWaitingAndAFailedMailAsync();

        var (exitCode, output, error) = await RunAsync(interactive: false, "mail", "queue");

        Assert.Equal((MailExitCodes.SomeFailed, ""), (exitCode, error));
        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal(["1", "envoyer-identifiant", "v***@example.fr", "en attente", "0", "2026-11-23 09:00:00Z", "2026-11-23 09:00:00Z", ""], lines[0].Split('\t'));
        Assert.Equal(["2", "envoyer-lien", "v.***", "en échec", "1", "2026-11-23 09:00:00Z", "2026-11-23 09:00:00Z", "SMTP 550 (RecipientNotAccepted)"],
            lines[1].Split('\t'));
        Assert.DoesNotContain("valery.durant", output, StringComparison.Ordinal);
        Assert.DoesNotContain("v.durant1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InATerminal_AHeaderAndTheCounts_FailedOnlyOnRequest()
    {
        await QueueAWaitingAndAFailedMailAsync();

        var (exitCode, output, _) = await RunAsync(interactive: true, "mail", "list", "--failed");

        Assert.Equal(MailExitCodes.SomeFailed, exitCode);
        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("n°\tobjet\tdestinataire\tétat", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2\tenvoyer-lien\tv.***\ten échec", lines[1], StringComparison.Ordinal);
        Assert.Equal("1 en attente, 1 en échec.", lines[2]);
    }

    [Fact]
    public async Task EmptyQueue_Exit0()
    {
        var (exitCode, output, error) = await RunAsync(interactive: false, "mail", "queue");

        Assert.Equal((MailExitCodes.Success, "", ""), (exitCode, output, error));
    }

    [Fact]
    public async Task Help_SaysWhatTheColumnsAndExitCodesMean()
    {
        var (exitCode, output, _) = await RunAsync(interactive: false, "mail", "queue", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("destinataire masqué", output, StringComparison.Ordinal);
        Assert.Contains("Codes de sortie : 0 liste affichée", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadTop_IsAUsageError()
    {
        var (exitCode, _, error) = await RunAsync(interactive: false, "mail", "queue", "--top", "0");

        Assert.Equal(MailExitCodes.Usage, exitCode);
        Assert.Contains("--top", error, StringComparison.Ordinal);
    }

    private async Task QueueAWaitingAndAFailedMailAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var bot = await BotTestHost.StartAsync(null, _folder, seedDemo: false, time: time);
        var queue = bot.Services.GetRequiredService<MailQueue>();
        var cancellationToken = TestContext.Current.CancellationToken;
        await queue.EnqueueAsync(SendIdentifierAction.ActionName, "valery.durant@example.fr", "v***@example.fr", cancellationToken);
        await queue.EnqueueAsync(SendResetLinkAction.ActionName, "v.durant1", "v.***", cancellationToken);
        var refused = await queue.ClaimAsync(2, cancellationToken);
        await queue.FailAsync(refused!, "SMTP 550 (RecipientNotAccepted)", cancellationToken);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(bool interactive, params string[] args)
    {
        Directory.CreateDirectory(_folder);
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await BotCommandLine.RunAsync(args, services => services
                .AddDialogEngineForTests()
                .Configure<DirectoryOptions>(o => o.ConnectionString = $"Data Source={Path.Combine(_folder, "supportbot.db")}")
                .Configure<MailOptions>(o => o.PickupDirectory = Path.Combine(_folder, "outbox"))
                .Configure<DialogsOptions>(o => o.Folder = BotTestHost.RepositoryDialogs),
            new Terminal(TextReader.Null, output, error) { OutputIsPerson = interactive }, cancellationToken: TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }
}
