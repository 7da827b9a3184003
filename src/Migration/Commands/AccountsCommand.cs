using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Validation;
using SupportBot.Migration.Export;
using SupportBot.Migration.Input;

namespace SupportBot.Migration.Commands;

/// <summary><c>accounts export --out FILE.csv [--uai CODE]</c>: the accounts list a director sees, for checking the migration.</summary>
internal static class AccountsCommand
{
    public static Command Create(MigrationCli cli)
    {
        var output = new Option<FileInfo>("--out")
        {
            Description = "Fichier CSV à écrire (UTF-8, séparateur ';').",
            Required = true,
            HelpName = "FICHIER.csv",
        };
        var uai = new Option<string?>("--uai") { Description = "Seulement les comptes liés à cet établissement (personne ou élève), ex. 0350999X.", HelpName = "CODE" };
        var export = new Command("export", $"""
            Écrit la liste des comptes de l'annuaire, comme « Lister les comptes » d'un directeur, triée par identifiant.
            En-tête : {AccountsExporter.Header}
            """)
        {
            output, uai,
        };
        export.SetAction((parse, cancellationToken) => cli.WithServicesAsync(async services =>
        {
            await services.InitializeAccountDirectoryAsync(cancellationToken: cancellationToken);
            var path = parse.GetValue(output)!.FullName;
            var temporary = path + ".tmp";
            int count;
            await using (var scope = services.CreateAsyncScope())
            {
                await using var writer = new StreamWriter(temporary, false, new UTF8Encoding(false));
                try
                {
                    count = await scope.ServiceProvider.GetRequiredService<AccountsExporter>().ExportAsync(writer, parse.GetValue(uai), cancellationToken);
                }
                catch (DirectoryValidationException e)
                {
                    throw new MigrationInputException(e.Message, ExitCodes.Usage);
                }
            }

            File.Move(temporary, path, overwrite: true);
            await cli.Output.WriteLineAsync($"{count} compte(s) écrit(s) dans {path}");
            return ExitCodes.Success;
        }));
        return new Command("accounts", "Consulter les comptes de l'annuaire.") { export };
    }
}
