using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Schools.Annuaire;
using SupportBot.AccountDirectory.Schools.Import;
using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Schools.Commands;

/// <summary><c>schools import FILE [--dry-run]</c>: loads an export of the Annuaire de l'éducation into the service's directory.</summary>
internal static class SchoolsImportCommand
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static Command Create(Action<IServiceCollection> addServices, TextWriter output, TextWriter error, bool interactive)
    {
        var file = new Argument<string>("FICHIER")
        {
            Description = "L'export CSV de l'annuaire de l'éducation (data.education.gouv.fr, jeu « fr-en-annuaire-education »), "
                + "d'un département, d'une académie ou de la France entière : séparateur « ; », UTF-8, en-tête d'origine.",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Essai : lit et vérifie tout le fichier, dit ce qui changerait, n'écrit rien." };
        var import = new Command("import", $"""
            Charge les écoles d'un export de l'annuaire de l'éducation dans l'annuaire de SupportBot : celui du service, avec la
            même configuration (appsettings.json à côté du programme, variables Directory__*, Data__Folder). La première ligne
            affichée dit quelle base est utilisée.

            Exemple : dotnet run --project src/Bot -- schools import fr-en-annuaire-education-56.csv --dry-run

            - Seules les lignes « Ecole » sont des écoles ; collèges, lycées, services... sont comptés et ignorés.
            - Chaque école est ajoutée ou mise à jour par son UAI : nom, commune, code postal, public/privé, circonscription,
              boîte officielle (Mail). L'adresse du directeur fixée par l'académie n'est jamais modifiée.
            - Une école dont l'état n'est pas OUVERT est marquée fermée, comme une école déjà importée qui n'est plus dans le
              fichier alors que son département y est (importer le Morbihan ne ferme rien en Ille-et-Vilaine). Rien n'est
              supprimé : les demandes d'une école fermée restent. Une école de nouveau OUVERT est rouverte.
            - Relancer le même fichier ne change rien (et le dit).
            - Une ligne incorrecte est signalée « fichier:ligne: motif » et les autres sont importées ; un fichier qui n'est pas
              l'export (autre en-tête, séparateur « , », pas en UTF-8) est refusé sans rien écrire.

            Conseil : « --dry-run » d'abord, pour lire les comptes (ajouts, fermetures) avant d'écrire.
            {ImportExitCodes.HelpText}
            """)
        {
            file, dryRun,
        };
        import.SetAction((parse, cancellationToken) =>
            RunAsync(addServices, parse.GetValue(file)!, parse.GetValue(dryRun), output, error, interactive, cancellationToken));
        return import;
    }

    private static async Task<int> RunAsync(Action<IServiceCollection> addServices, string path, bool dryRun, TextWriter output, TextWriter error,
        bool interactive, CancellationToken cancellationToken)
    {
        using var host = CommandHost.Build(addServices);
        DirectoryDbContextFactory factory;
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            factory = host.Services.GetRequiredService<DirectoryDbContextFactory>();
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException or TargetInvocationException { InnerException: InvalidOperationException })
        {
            // InvalidOperationException: a value the binder cannot convert (Directory__Provider=Pigeon), or a required one
            // missing, named by its key; the data-annotations validator reads every property, so a getter's own check
            // arrives wrapped in TargetInvocationException.
            await error.WriteLineAsync($"Configuration invalide : {(e is TargetInvocationException ? e.InnerException!.Message : e.Message)}");
            return ImportExitCodes.InvalidConfiguration;
        }

        await output.WriteLineAsync($"Annuaire : {Describe(factory, host.Services.GetRequiredService<IOptions<DirectoryOptions>>().Value)}");
        var importer = host.Services.GetRequiredService<SchoolImporter>();
        var time = host.Services.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        var progress = interactive ? new ImportProgressLine(error) : null;

        // The whole file is read and checked before the directory is even created or migrated.
        AnnuaireFile file;
        try
        {
            file = importer.ReadFile(path, progress, cancellationToken);
        }
        catch (Exception e) when (e is AnnuaireFormatException or IOException or UnauthorizedAccessException)
        {
            progress?.Clear();
            await error.WriteLineAsync(e switch
            {
                AnnuaireFormatException => e.Message,
                FileNotFoundException or DirectoryNotFoundException => $"{path} : fichier introuvable.",
                UnauthorizedAccessException => $"{path} : lecture refusée (droits du fichier, ou c'est un dossier).",
                _ => $"{path} : illisible ({e.Message}).",
            });
            await error.WriteLineAsync("Rien n'a été écrit.");
            return ImportExitCodes.UnreadableFile;
        }

        try
        {
            if (!dryRun)
            {
                await host.Services.InitializeAccountDirectoryAsync(cancellationToken: cancellationToken);
            }
            else if (await IsOutOfDateAsync(factory, cancellationToken))
            {
                progress?.Clear();
                await error.WriteLineAsync("L'annuaire n'est pas à jour (migrations du schéma en attente) : un essai ne le modifie pas ; "
                    + "lancez d'abord le service ou un import sans --dry-run.");
                return ImportExitCodes.InvalidConfiguration;
            }

            var result = await importer.ImportAsync(file, dryRun, progress, cancellationToken);
            progress?.Clear();
            foreach (var rejected in result.Rejected)
            {
                await error.WriteLineAsync(rejected.ToString());
            }

            await WriteSummaryAsync(output, result, time.GetElapsedTime(started));
            if (!dryRun)
            {
                await WriteTotalsAsync(output, factory, cancellationToken);
            }

            return result.Rejected.Count > 0 ? ImportExitCodes.RowsRejected : ImportExitCodes.Success;
        }
        catch (Exception e) when (e is DbException or DbUpdateException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            progress?.Clear();
            await error.WriteLineAsync($"Erreur de l'annuaire : {(e as DbUpdateException)?.InnerException?.Message ?? e.Message}");
            await error.WriteLineAsync("Les lots déjà écrits restent ; relancez la même commande pour terminer.");
            return ImportExitCodes.DirectoryFailure;
        }
    }

    private static async Task WriteSummaryAsync(TextWriter output, SchoolImportResult result, TimeSpan elapsed)
    {
        var departements = result.Departements.Count == 0 ? "aucun" : string.Join(", ", result.Departements);
        await output.WriteLineAsync($"Fichier : {result.FileName}, {Count(result.Rows, "ligne", "lignes")}, départements (début des UAI) : {departements}.");
        await output.WriteLineAsync(
            (result.DryRun ? "Essai, rien n'est écrit ; l'import ferait : " : $"Import terminé en {elapsed.TotalSeconds.ToString("N1", French)} s : ")
            + $"{Count(result.Schools, "école lue", "écoles lues")} : {Count(result.Added, "ajoutée", "ajoutées")}, "
            + $"{Count(result.Updated, "mise à jour", "mises à jour")}, {Count(result.Unchanged, "inchangée", "inchangées")} ; "
            + $"{Count(result.Closed, "fermée", "fermées")} ({result.ClosedInFile.ToString("N0", French)} pas OUVERT, "
            + $"{Count(result.ClosedMissing, "absente", "absentes")} du fichier), {Count(result.Reopened, "rouverte", "rouvertes")} ; "
            + $"{Count(result.Skipped, "autre établissement ignoré", "autres établissements ignorés")} ; "
            + $"{Count(result.Rejected.Count, "ligne rejetée", "lignes rejetées")}.");
        if (!result.Changed)
        {
            await output.WriteLineAsync(result.DryRun
                ? "Rien ne changerait : l'annuaire est à jour de ce fichier."
                : "Rien n'a changé : l'annuaire était déjà à jour de ce fichier.");
        }
    }

    private static async Task WriteTotalsAsync(TextWriter output, DirectoryDbContextFactory factory, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var schools = await db.Schools.CountAsync(cancellationToken);
        var closed = await db.Schools.CountAsync(s => s.ClosedAt != null, cancellationToken);
        await output.WriteLineAsync($"L'annuaire compte {Count(schools, "école", "écoles")}, dont {Count(closed, "fermée", "fermées")}.");
    }

    // French puts 0 and 1 in the singular.
    private static string Count(int count, string singular, string plural) =>
        $"{count.ToString("N0", French)} {(count <= 1 ? singular : plural)}";

    private static async Task<bool> IsOutOfDateAsync(DirectoryDbContextFactory factory, CancellationToken cancellationToken)
    {
        if (factory.Provider == DirectoryProvider.Sqlite && (factory.DataSourcePath is not { Length: > 0 } path || !File.Exists(path)))
        {
            return false;
        }

        await using var db = factory.CreateDbContext();
        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
    }

    /// <summary>The SQLite file, or the SQL Server connection string with its password masked.</summary>
    private static string Describe(DirectoryDbContextFactory factory, DirectoryOptions options)
    {
        if (factory.Provider == DirectoryProvider.Sqlite)
        {
            return $"{Path.GetFullPath(factory.DataSourcePath ?? "")} (SQLite)";
        }

        var connection = new SqlConnectionStringBuilder(options.EffectiveConnectionString);
        if (!string.IsNullOrEmpty(connection.Password))
        {
            connection.Password = "***";
        }

        return $"{connection.ConnectionString} (SQL Server)";
    }
}
