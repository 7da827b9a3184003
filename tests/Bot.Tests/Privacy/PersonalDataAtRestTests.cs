using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Retention;
using SupportBot.Bot.Tests.Dialogs;
using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory;

namespace SupportBot.Bot.Tests.Privacy;

/// <summary>
/// Parents give what they give (e-mails, identifiers, phones, birth dates, names) on Web Chat and by SMS and open cases;
/// then the database file and the log are searched for those values in clear. Past <c>Retention:VerbatimHours</c>, only
/// the cases hold them (what the director needs); <c>Retention:ClosedCaseDays</c> after a case is treated, nothing does.
/// The log never does.
/// </summary>
public sealed class PersonalDataAtRestTests : IDisposable
{
    private const string AuthToken = "0123456789abcdef0123456789abcdef";
    private const string PublicBase = "https://supportbot.example.fr";

    // Values found nowhere in the demo data or the annuaire, so that any hit comes from the conversations.
    private static readonly string[] WebCase = ["Ombeline", "Vastrapour", "Théodrine", "14/11/2018", "2018-11-14", "07 98 76 54 32", "0798765432", "+33798765432"];
    private static readonly string[] WebLookups = ["o.vastrapour7", "ombeline.vastrapour@example.org"];
    private static readonly string[] SmsCases = ["Anselme", "Korvadec", "Iolanthe", "07 81 22 33 44", "0781223344", "+33781223344",
        "03/04/2017", "2017-04-03", "+33644556677", "0644556677", "+33655443322", "0655443322"];
    private static readonly string[] SmsLookups = ["a.korvadec3", "anselme.korvadec@example.net", "+33666778899", "0666778899", "666778899",
        "+33677889900", "0677889900", "677889900"];

    private readonly CollectingLoggerProvider _log = new();
    private readonly BotFactory _factory;

    public PersonalDataAtRestTests()
    {
        _factory = new BotFactory(settings: new Dictionary<string, string?>
        {
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PublicBaseUrl"] = PublicBase,
            ["Retention:VerbatimHours"] = "24",
            ["Retention:ClosedCaseDays"] = "60",

            // The fake clock fires a periodic timer once per period it skips: 60 days of 10-second polls would take minutes.
            ["Retention:IntervalMinutes"] = "1440",
            ["Cases:DispatchPollSeconds"] = "3600",
            ["Twilio:CaseNotificationPollSeconds"] = "3600",
        }, services: services => services.AddLogging(logging => logging.AddProvider(_log)));
    }

    private string Database => Path.Combine(_factory.Folder, "supportbot.db");

    private static IEnumerable<string> All => [.. WebCase, .. WebLookups, .. SmsCases, .. SmsLookups];

    [Fact]
    public async Task PastTheVerbatimWindow_OnlyOpenCasesHoldWhatParentsGave_AndTreatedCasesGoAfterTheirTime()
    {
        using var client = _factory.CreateClient();
        var web = await WebChatParent.StartAsync(client);
        await ConverseAsync(web.SayAsync,
            ("la date de naissance saisie est incorrecte", "demande"), ("oui", "nom"), ("Ombeline Vastrapour", "enfant"), ("Théodrine", "date de naissance"),
            ("14/11/2018", "école"), ("0352207j", "Il s'agit bien"), ("oui", "référence"), ("Oui, par SMS", "numéro"), ("07 98 76 54 32", "C'est noté"));
        await ConverseAsync((await WebChatParent.StartAsync(client)).SayAsync,
            ("mot de passe oublié", "identifiant"), ("oui", "Quel est votre identifiant"), ("o.vastrapour7", "courriel"));
        await ConverseAsync((await WebChatParent.StartAsync(client)).SayAsync,
            ("identifiant oublié", "adresse électronique"), ("ombeline.vastrapour@example.org", "Si un compte est rattaché"));
        await ConverseAsync(Sms("+33644556677").SayAsync,
            ("numéro pas reconnu", "1 ou 2"), ("1", "nom"), ("Anselme Korvadec", "enfant"), ("Iolanthe Korvadec", "ecole"), ("0352207j", "Il s'agit bien"),
            ("oui", "portable"), ("07 81 22 33 44", "SB-"));
        await ConverseAsync(Sms("+33655443322").SayAsync,
            ("date de naissance refusée", "demande"), ("1", "nom"), ("Anselme Korvadec", "enfant"), ("Iolanthe", "date de naissance"),
            ("03/04/2017", "ecole"), ("0352207j", "Il s'agit bien"), ("oui", "SB-"));
        await ConverseAsync(Sms("+33666778899").SayAsync, ("mot de passe oublie", "identifiant"), ("1", "identifiant"), ("a.korvadec3", "courriel"));
        await ConverseAsync(Sms("+33677889900").SayAsync, ("identifiant oublie", "adresse"), ("anselme.korvadec@example.net", "courriel"));
        Assert.Equal(3, await CountCasesAsync());

        // The scan itself finds them while they are meant to be there: the history replays them for a page reload.
        Assert.Contains(DatabaseScan.Rows(Database, WebLookups), hit => hit.Where == "ChannelActivities.Json");
        Assert.NotEmpty(DatabaseScan.Bytes(Database, SmsLookups));

        _factory.Time.Advance(TimeSpan.FromHours(25));
        await PurgeAsync();

        Assert.Equal(0, await CountAsync(db => db.ChannelActivities));
        Assert.All(DatabaseScan.Rows(Database, All), hit => Assert.StartsWith("DirectorCases.", hit.Where, StringComparison.Ordinal));
        Assert.Empty(DatabaseScan.Rows(Database, [.. WebLookups, .. SmsLookups]));
        Assert.Empty(DatabaseScan.Bytes(Database, [.. WebLookups, .. SmsLookups]));
        var kept = await CasesAsync();
        Assert.Contains(kept, c => (c.ResponsableGiven, c.PupilGiven, c.PupilBirthDateGiven, c.ContactPhone)
            == ("Ombeline Vastrapour", "Théodrine", new DateOnly(2018, 11, 14), "+33798765432"));
        Assert.Contains(kept, c => (c.ResponsableGiven, c.PupilGiven, c.PhoneGiven, c.ChannelAddress)
            == ("Anselme Korvadec", "Iolanthe Korvadec", "+33781223344", "+33644556677"));
        Assert.Contains(kept, c => (c.PupilBirthDateGiven, c.ChannelAddress) == (new DateOnly(2017, 4, 3), "+33655443322"));

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            foreach (var directorCase in kept)
            {
                Assert.True(await scope.ServiceProvider.GetRequiredService<DirectorCaseService>().ResolveAsync(directorCase.Reference,
                    TestContext.Current.CancellationToken));
            }
        }

        _factory.Time.Advance(TimeSpan.FromDays(59));
        await PurgeAsync();
        Assert.Equal(3, await CountCasesAsync());
        _factory.Time.Advance(TimeSpan.FromDays(2));
        await PurgeAsync();

        Assert.Equal(0, await CountCasesAsync());
        Assert.Empty(DatabaseScan.Rows(Database, All));
        Assert.Empty(DatabaseScan.Bytes(Database, [.. All, .. All.Select(v => v.ToUpperInvariant())]));
        var log = string.Join("\n", _log.Entries.Select(e => $"{e.Category}: {e.Message} {e.Exception}"));
        Assert.Contains("parent (message)", log, StringComparison.Ordinal);
        Assert.All(All.Where(v => v.Length > 0), value => Assert.DoesNotContain(value, log, StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose()
    {
        _factory.Dispose();
        BotFactory.DeleteFolder(_factory.Folder);
    }

    private SmsParent Sms(string from) => new(_factory.CreateClient(), from, AuthToken, PublicBase);

    private static async Task ConverseAsync(Func<string, Task<string>> say, params (string Text, string Expected)[] turns)
    {
        foreach (var (text, expected) in turns)
        {
            var reply = await say(text);
            Assert.True(reply.Contains(expected, StringComparison.OrdinalIgnoreCase), $"« {text} » got « {reply} », expected « {expected} »");
        }
    }

    private async Task PurgeAsync() =>
        await _factory.Services.GetRequiredService<RetentionPurge>().PurgeAsync(TestContext.Current.CancellationToken);

    private async Task<int> CountCasesAsync() => (await CasesAsync()).Count;

    private async Task<int> CountAsync<T>(Func<DirectoryDbContext, IQueryable<T>> rows)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await rows(db).CountAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<DirectorCase>> CasesAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.DirectorCases.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
    }
}
