namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>
/// Look-ups limited per person and per target, as an attacker meets them: over real HTTP, through the Direct Line
/// endpoints Web Chat uses, opening a new page token (a new conversation and user id) for every try.
/// </summary>
public sealed class LookupLimitsTests : IDisposable
{
    private const string Limited = "le nombre de recherches est limité";
    private const string NeutralEmail = "Si un compte est rattaché à cette adresse";
    private const string NeutralIdentifier = "Si cet identifiant correspond à un compte activé";
    private readonly List<string> _folders = [];

    [Fact]
    public async Task OneAddress_OpeningATokenPerTry_IsLimitedAcrossItsConversations()
    {
        await using var factory = Factory(new() { ["Dialogs:LookupsPerClientAddress"] = "3" });
        var service = factory.StartOverHttp();
        using var attacker = BotFactory.ClientFrom(service, "127.0.0.1");
        using var neighbour = BotFactory.ClientFrom(service, "127.0.0.2");

        var answers = new List<string>();
        foreach (var address in new[] { "a@example.fr", "b@example.fr", "c@example.fr", "valery.durant@example.fr" })
        {
            answers.Add(await LookUpEmailAsync(attacker, address));
        }

        var neighbourAnswer = await LookUpEmailAsync(neighbour, "valery.durant@example.fr");

        Assert.All(answers[..3], a => Assert.Contains(NeutralEmail, a, StringComparison.Ordinal));
        Assert.Contains(Limited, answers[3], StringComparison.Ordinal);
        Assert.Contains(NeutralEmail, neighbourAnswer, StringComparison.Ordinal);
        await factory.DeliverMailAsync();
        Assert.Single(Outbox(factory));
    }

    [Fact]
    public async Task SameEmail_AskedFromSeveralAddresses_IsLimited()
    {
        await using var factory = Factory(new() { ["Dialogs:LookupsPerTarget"] = "2" });
        var service = factory.StartOverHttp();

        var answers = new List<string>();
        foreach (var address in new[] { "127.0.0.2", "127.0.0.3", "127.0.0.4" })
        {
            using var client = BotFactory.ClientFrom(service, address);
            answers.Add(await LookUpEmailAsync(client, " Valery.Durant@Example.fr"));
        }

        Assert.All(answers[..2], a => Assert.Contains(NeutralEmail, a, StringComparison.Ordinal));
        Assert.Contains(Limited, answers[2], StringComparison.Ordinal);
        await factory.DeliverMailAsync();
        Assert.Equal(2, Outbox(factory).Length);
    }

    [Fact]
    public async Task SameIdentifier_AskedFromSeveralAddresses_IsLimited_AndTheRefusalIsTheSameForAnUnknownOne()
    {
        await using var factory = Factory(new() { ["Dialogs:LookupsPerTarget"] = "1" });
        var service = factory.StartOverHttp();
        using var first = BotFactory.ClientFrom(service, "127.0.0.2");
        using var second = BotFactory.ClientFrom(service, "127.0.0.3");

        var known = new[] { await LookUpIdentifierAsync(first, "v.durant1"), await LookUpIdentifierAsync(second, "V.Durant1") };
        var unknown = new[] { await LookUpIdentifierAsync(first, "x.inconnu"), await LookUpIdentifierAsync(second, "x.inconnu") };

        Assert.Contains(NeutralIdentifier, known[0], StringComparison.Ordinal);
        Assert.Contains(NeutralIdentifier, unknown[0], StringComparison.Ordinal);
        Assert.Equal(unknown[1], known[1]);
        Assert.Contains(Limited, known[1], StringComparison.Ordinal);
        await factory.DeliverMailAsync();
        Assert.Single(Outbox(factory));
    }

    [Fact]
    public async Task TheCountsAreSharedByInstancesOnOneDatabase()
    {
        var settings = new Dictionary<string, string?> { ["Dialogs:LookupsPerClientAddress"] = "2" };
        await using var first = Factory(settings);
        await using var second = Factory(settings, first.Folder);
        using var toFirst = BotFactory.ClientFrom(first.StartOverHttp(), "127.0.0.5");
        using var toSecond = BotFactory.ClientFrom(second.StartOverHttp(), "127.0.0.5");

        var answers = new[]
        {
            await LookUpEmailAsync(toFirst, "a@example.fr"),
            await LookUpEmailAsync(toSecond, "b@example.fr"),
            await LookUpEmailAsync(toFirst, "c@example.fr"),
        };

        Assert.Contains(NeutralEmail, answers[1], StringComparison.Ordinal);
        Assert.Contains(Limited, answers[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTheWindow_TheAddressMayLookUpAgain()
    {
        await using var factory = Factory(new() { ["Dialogs:LookupsPerClientAddress"] = "1", ["Dialogs:LookupWindowMinutes"] = "60" });
        using var client = BotFactory.ClientFrom(factory.StartOverHttp(), "127.0.0.6");

        await LookUpEmailAsync(client, "a@example.fr");
        var refused = await LookUpEmailAsync(client, "b@example.fr");
        factory.Time.Advance(TimeSpan.FromMinutes(61));
        var later = await LookUpEmailAsync(client, "b@example.fr");

        Assert.Contains(Limited, refused, StringComparison.Ordinal);
        Assert.Contains(NeutralEmail, later, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            BotFactory.DeleteFolder(folder);
        }
    }

    private static async Task<string> LookUpEmailAsync(HttpClient client, string address)
    {
        var parent = await DirectLine.WebChatParent.OpenAsync(client);
        Assert.Contains("adresse", await parent.SayAsync("identifiant oublié"), StringComparison.Ordinal);
        return await parent.SayAsync(address);
    }

    private static async Task<string> LookUpIdentifierAsync(HttpClient client, string identifier)
    {
        var parent = await DirectLine.WebChatParent.OpenAsync(client);
        Assert.Contains("Connaissez-vous votre identifiant", await parent.SayAsync("j'ai oublié mon mot de passe"), StringComparison.Ordinal);
        Assert.Contains("Quel est votre identifiant", await parent.SayAsync("oui"), StringComparison.Ordinal);
        return await parent.SayAsync(identifier);
    }

    private static string[] Outbox(BotFactory factory) =>
        System.IO.Directory.Exists(Path.Combine(factory.Folder, "outbox"))
            ? System.IO.Directory.GetFiles(Path.Combine(factory.Folder, "outbox"), "*.eml")
            : [];

    private BotFactory Factory(Dictionary<string, string?> settings, string? folder = null)
    {
        settings["DirectLine:TokenRequestsPerMinute"] = "1000";
        var factory = new BotFactory(folder, settings);
        if (folder is null)
        {
            _folders.Add(factory.Folder);
        }

        return factory;
    }
}
