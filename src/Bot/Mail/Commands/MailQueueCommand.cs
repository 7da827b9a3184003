using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Mail;
using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Mail.Commands;

/// <summary><c>mail queue [--failed] [--top N]</c> (or <c>mail list</c>): what waits in the mail queue and what failed, addresses masked.</summary>
internal static class MailQueueCommand
{
    public static Command Create(Action<IServiceCollection> addServices, TextWriter output, TextWriter error, bool interactive)
    {
        var failed = new Option<bool>("--failed") { Description = "Seulement les courriels en échec (abandonnés)." };
        var top = new Option<int>("--top") { Description = "Au plus ce nombre de lignes, les plus anciennes d'abord (défaut 200).", DefaultValueFactory = _ => 200 };
        var command = new Command("queue", $"""
            Liste la file des courriels aux parents, dans l'annuaire du service (même configuration : appsettings.json à côté du
            programme, variables Directory__*, Data__Folder) : ce qui attend d'être envoyé et ce qui a échoué.

            Exemple : dotnet run --project src/Bot -- mail queue --failed

            Une ligne par courriel, colonnes séparées par des tabulations :
              n°, objet (envoyer-identifiant, envoyer-lien), destinataire masqué (v***@example.fr, v.***), état, essais,
              demandé le, prochain essai ou échec le (UTC), dernière erreur (jamais le texte du serveur, qui peut citer l'adresse).
            États : « en attente » (le prochain essai est dû à l'heure dite), « en cours » (un service l'envoie), « en échec »
            (abandonné : destinataire refusé par le serveur, ou tous les essais ont échoué ; gardé Retention:Days jours).
            Un courriel envoyé, ou demandé pour une adresse ou un identifiant sans compte, sort de la file aussitôt.
            Dans un terminal, une ligne d'en-tête et un total ; redirigée, seulement les lignes.
            {MailExitCodes.HelpText}
            """)
        {
            failed,
            top,
        };
        command.Aliases.Add("list");
        command.SetAction((parse, cancellationToken) =>
            RunAsync(addServices, parse.GetValue(failed), parse.GetValue(top), output, error, interactive, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Action<IServiceCollection> addServices, bool failedOnly, int top, TextWriter output, TextWriter error,
        bool interactive, CancellationToken cancellationToken)
    {
        if (top < 1)
        {
            await error.WriteLineAsync("--top doit valoir au moins 1.");
            return MailExitCodes.Usage;
        }

        using var host = CommandHost.Build(addServices);
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException or TargetInvocationException { InnerException: InvalidOperationException })
        {
            await error.WriteLineAsync($"Configuration invalide : {(e is TargetInvocationException ? e.InnerException!.Message : e.Message)}");
            return MailExitCodes.InvalidConfiguration;
        }

        IReadOnlyList<QueuedMail> mails;
        int pending;
        int failed;
        try
        {
            await host.Services.InitializeAccountDirectoryAsync(cancellationToken: cancellationToken);
            (mails, pending, failed) = await host.Services.GetRequiredService<MailQueue>().ListAsync(failedOnly, top, cancellationToken);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Erreur de l'annuaire : {(e as DbUpdateException)?.InnerException?.Message ?? e.Message}");
            return MailExitCodes.DirectoryFailure;
        }

        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (interactive)
        {
            await output.WriteLineAsync("n°\tobjet\tdestinataire\tétat\tessais\tdemandé le\tprochain essai / échec le\tdernière erreur");
        }

        foreach (var mail in mails)
        {
            var (state, when) = mail.Status == QueuedMailStatus.Failed
                ? ("en échec", mail.FailedAt)
                : (mail.ClaimedUntil > now ? "en cours" : "en attente", mail.NextAttemptAt);
            await output.WriteLineAsync(string.Join('\t',
                mail.Id.ToString(CultureInfo.InvariantCulture), mail.Purpose, mail.MaskedTarget, state,
                mail.Attempts.ToString(CultureInfo.InvariantCulture), Format(mail.CreatedAt), Format(when), mail.LastError ?? ""));
        }

        if (interactive)
        {
            var shown = mails.Count < (failedOnly ? failed : pending + failed) ? $" ({mails.Count} affichés, --top pour plus)" : "";
            await output.WriteLineAsync($"{pending} en attente, {failed} en échec{shown}.");
        }

        return failed > 0 ? MailExitCodes.SomeFailed : MailExitCodes.Success;
    }

    private static string Format(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";
}
