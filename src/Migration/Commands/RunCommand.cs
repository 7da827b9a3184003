using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Migration.Run;
using SupportBot.Migration.Progress;
using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Commands;

/// <summary><c>run --siecle DIR --comptes FILE [--dry-run] [--report DIR]</c>: the migration itself.</summary>
internal static class RunCommand
{
    public static Command Create(MigrationCli cli)
    {
        var siecle = new Option<DirectoryInfo>("--siecle")
        {
            Description = "Dossier des exports SIECLE (ElevesSansAdresses.xml, ResponsablesAvecAdresses.xml... ou archives ExportXML_*.zip), dans n'importe quelle arborescence.",
            Required = true,
            HelpName = "DOSSIER",
        };
        var comptes = new Option<FileInfo>("--comptes")
        {
            Description = "Export des comptes téléservices (ComptesTeleservices.xml).",
            Required = true,
            HelpName = "FICHIER",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Essai : lit tout, écrit le rapport complet, ne modifie pas la base." };
        var report = new Option<DirectoryInfo>("--report")
        {
            Description = $"Dossier du rapport ({ReportWriter.SummaryFileName} et {ReportWriter.RejectsFileName}).",
            HelpName = "DOSSIER",
            DefaultValueFactory = _ => new DirectoryInfo("rapport-migration"),
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Sans barre ni lignes de progression." };
        var command = new Command("run", """
            Crée un compte unifié par personne titulaire d'un ancien compte (personnel ou joint), le relie à tous ses enfants
            (responsable de niveau 1 ou 2 dans SIECLE), garde l'ancien identifiant comme alias. Les anciens mots de passe ne sont
            jamais repris. Relancer la commande ne crée rien de plus ; après une interruption, elle reprend et termine le travail.
            """)
        {
            siecle, comptes, dryRun, report, quiet,
        };
        command.SetAction((parse, cancellationToken) => cli.WithServicesAsync(async services =>
        {
            var runner = services.GetRequiredService<SiecleMigrationRunner>();
            var display = new ProgressDisplay(cli.Error, cli.Interactive, parse.GetValue(quiet));
            var folder = parse.GetValue(report)!.FullName;
            var result = await runner.RunAsync(parse.GetValue(siecle)!.FullName, parse.GetValue(comptes)!.FullName, parse.GetValue(dryRun), folder,
                display, cancellationToken);
            var fr = CultureInfo.GetCultureInfo("fr-FR");
            await cli.Output.WriteLineAsync(string.Create(fr,
                $"{(result.DryRun ? "Essai (rien n'est écrit)" : "Migration terminée")} : {result.LegacyAccountsRead:N0} anciens comptes lus, "
                + $"{result.AccountsCreated:N0} comptes créés, {result.AccountsReused:N0} repris, {result.PupilLinks:N0} liens élève, "
                + $"{result.Entries.Count(e => e.Rejected):N0} rejets, {result.Entries.Count(e => !e.Rejected):N0} signalements, en {result.Duration.TotalSeconds:N1} s."));
            await cli.Output.WriteLineAsync($"Rapport : {Path.Combine(folder, ReportWriter.SummaryFileName)} et {Path.Combine(folder, ReportWriter.RejectsFileName)}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
