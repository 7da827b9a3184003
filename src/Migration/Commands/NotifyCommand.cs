using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.Migration.Notify;
using SupportBot.Migration.Progress;

namespace SupportBot.Migration.Commands;

/// <summary><c>notify [--limit N]</c>: mails identifiers and set-password links to the migrated accounts, throttled and resumable.</summary>
internal static class NotifyCommand
{
    public static Command Create(MigrationCli cli)
    {
        var limit = new Option<int?>("--limit") { Description = "Envoyer au plus N messages puis s'arrêter (la commande suivante continue).", HelpName = "N" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Sans barre ni lignes de progression." };
        var command = new Command("notify", """
            Envoie à chaque compte migré « Notifié et non activé » (adresse confirmée) un courriel avec son identifiant et un lien
            pour choisir son mot de passe (Migration:PublicBaseUrl + /motdepasse/reinitialiser?jeton=...).
            Débit limité par Migration:MessagesPerMinute. Jamais deux fois au même compte : relancer la commande envoie seulement
            ce qui reste (après une interruption, par exemple).
            """)
        {
            limit, quiet,
        };
        command.SetAction((parse, cancellationToken) => cli.WithServicesAsync(async services =>
        {
            await services.InitializeAccountDirectoryAsync(cancellationToken: cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var notifier = scope.ServiceProvider.GetRequiredService<AccountNotifier>();
            var display = new ProgressDisplay(cli.Error, cli.Interactive, parse.GetValue(quiet));
            var result = await display.RunAsync("Envoi des notifications", "courriels", async step =>
            {
                var staged = false;
                return await notifier.NotifyAsync(parse.GetValue(limit), (done, total) =>
                {
                    if (!staged)
                    {
                        step.Stage("Envoi des notifications", total);
                        staged = true;
                    }

                    step.Report(done);
                }, cancellationToken);
            });
            await cli.Output.WriteLineAsync($"{result.Sent} courriel(s) envoyé(s), {result.Failed} échec(s) (réessayés à la prochaine commande), {result.Remaining} restant(s).");
            if (result.InterruptedEarlier > 0)
            {
                await cli.Error.WriteLineAsync($"Attention : {result.InterruptedEarlier} envoi(s) interrompu(s) par un arrêt brutal ne sont pas renvoyés (jamais deux fois) : "
                    + "vérifiez-les dans le journal du serveur de courrier.");
            }

            return result.Failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }
}
