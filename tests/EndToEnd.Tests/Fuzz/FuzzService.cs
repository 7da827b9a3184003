using System.Net.Http;
using System.Text.RegularExpressions;

namespace SupportBot.EndToEnd.Tests.Fuzz;

/// <summary>
/// The service started as an operator would (its own process, real HTTP on a free port), every channel switched on —
/// Direct Line with a secret, Twilio, Azure Bot Service against <see cref="AzureStandIn"/>, the NLU API, the académie's
/// code — and what real clients would hold, obtained the way they obtain it: conversations, the reset link of a parent's
/// mail, the director's link of a case's mail, the académie's link after its code.
/// </summary>
internal sealed partial class FuzzService : IAsyncDisposable
{
    private const string DirectLineSecret = "secret-direct-line-du-fuzz-0123456789";
    private const string TwilioAuthToken = "jeton-twilio-du-fuzz";
    private const string AcademieCode = "code-assistance-academie-fuzz";
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-fuzz-").FullName;
    private AzureStandIn? _azure;

    public BotProcess Bot { get; private set; } = null!;

    /// <summary>Whether the service's process is still running.</summary>
    public bool IsRunning => Bot is { HasExited: false };

    public FuzzContext Context { get; private set; } = null!;

    public string Outbox => Path.Combine(_folder, "data", "outbox");

    public static async Task<FuzzService> StartAsync(int conversations, CancellationToken cancellationToken)
    {
        var service = new FuzzService();
        service._azure = await AzureStandIn.StartAsync();
        var settings = new Dictionary<string, string>(service._azure.Settings)
        {
            ["DirectLine__Secret"] = DirectLineSecret,
            // Hostile requests to /api/directline/token should reach it, not only its limit of 10 a minute per address.
            ["DirectLine__TokenRequestsPerMinute"] = "10000",
            ["Twilio__AuthToken"] = TwilioAuthToken,
            ["Nlu__EnableApi"] = "true",
            ["Cases__AcademieEmail"] = "assistance@ac-rennes.example",
            ["Cases__AcademieSecret"] = AcademieCode,
            ["Cases__DispatchPollSeconds"] = "1",
            // Errors (a 500's exception) are still logged; the transcript of 10,000 turns is not needed.
            ["Logging__LogLevel__Default"] = "Warning",
        };
        try
        {
            service.Bot = await BotProcess.StartAsync(service._folder, settings);
            service.Context = await service.PrepareAsync(conversations, cancellationToken);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new conversation, as any client would have it.</summary>
    public Task<DirectLineConversation> ConverseAsync(CancellationToken cancellationToken) =>
        DirectLineConversation.StartAsync(Bot.Http, DirectLineSecret, cancellationToken);

    public DirectLineConversation Resume(string conversationId, string token) => DirectLineConversation.Resume(Bot.Http, conversationId, token);

    private async Task<FuzzContext> PrepareAsync(int count, CancellationToken cancellationToken)
    {
        var conversations = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var conversation = await ConverseAsync(cancellationToken);
            conversations.Add((conversation.Id, conversation.Token));
        }

        var parent = await ConverseAsync(cancellationToken);
        await parent.SayAsync("mot de passe oublié", "Connaissez-vous", cancellationToken);
        await parent.SayAsync("oui", "identifiant", cancellationToken);
        await parent.SayAsync("v.durant1", "un courriel contenant un lien", cancellationToken);
        var reset = await LinkInMailAsync("/motdepasse/reinitialiser?jeton=", cancellationToken);

        var caseParent = await ConverseAsync(cancellationToken);
        foreach (var (say, expected) in new[]
        {
            ("la date de naissance de mon fils est refusée", "transmette une demande de correction"),
            ("oui", "votre prénom et votre nom"),
            ("Guillaume Zoumn", "prénom de votre enfant"),
            ("Noé", "date de naissance"),
            ("21 septembre 2018", "Dans quelle école"),
            ("ecole jean moulin a rennes", "Plusieurs écoles correspondent"),
            ("Ecole élémentaire publique Jean Moulin (Rennes)", "Voulez-vous être prévenu(e)"),
        })
        {
            await caseParent.SayAsync(say, expected, cancellationToken);
        }

        var director = await LinkInMailAsync("/directeur/dossier/", cancellationToken);
        var reference = DirectorLink().Match(director);

        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Bot.BaseAddress };
        using var signIn = await noRedirect.PostAsync("/academie/connexion", new FormUrlEncodedContent([new("code", AcademieCode)]), cancellationToken);
        var academie = Jeton(signIn.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"The académie's code was refused ({(int)signIn.StatusCode})."));

        var azureToken = _azure!.Token();
        return new FuzzContext(Bot.BaseAddress, DirectLineSecret, conversations, Jeton(reset), Jeton(director), Uri.UnescapeDataString(reference.Groups[1].Value),
            academie, TwilioAuthToken, _azure.Url + "/", () => azureToken);
    }

    /// <summary>The first link to <paramref name="path"/> in the mails of the outbox, waiting for it to be written.</summary>
    private async Task<string> LinkInMailAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var links = Directory.Exists(Outbox)
                ? Directory.EnumerateFiles(Outbox, "*.eml").SelectMany(f => MailLink().Matches(MimeKit.MimeMessage.Load(f).TextBody ?? "")).Select(m => m.Value)
                : [];
            if (links.FirstOrDefault(l => l.Contains(path, StringComparison.Ordinal)) is { } link)
            {
                return new Uri(link).PathAndQuery;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"No mail in {Outbox} links to {path}.");
    }

    private static string Jeton(string pathAndQuery) =>
        Uri.UnescapeDataString(JetonPattern().Match(pathAndQuery) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No jeton in {pathAndQuery}"));

    public async ValueTask DisposeAsync()
    {
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        if (_azure is not null)
        {
            await _azure.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/\S+")]
    private static partial Regex MailLink();

    [GeneratedRegex("[?&]jeton=([^&]+)")]
    private static partial Regex JetonPattern();

    [GeneratedRegex("/directeur/dossier/([^?/]+)")]
    private static partial Regex DirectorLink();
}
