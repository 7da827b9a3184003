using System.CommandLine;
using System.Globalization;
using SupportBot.Migration.Generation;

namespace SupportBot.Migration.Commands;

/// <summary><c>generate --accounts N --out DIR [--seed S]</c>: synthetic exports for tests, demos and benchmarks.</summary>
internal static class GenerateCommand
{
    public static Command Create(MigrationCli cli)
    {
        var accounts = new Option<int>("--accounts") { Description = "Nombre d'anciens comptes téléservices à produire.", Required = true, HelpName = "N" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Dossier à créer : siecle/ (exports, dont des .zip) et ComptesTeleservices.xml.", Required = true, HelpName = "DOSSIER" };
        var seed = new Option<int>("--seed") { Description = "Graine : la même graine donne les mêmes fichiers.", DefaultValueFactory = _ => 2026 };
        accounts.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000_000)
            {
                r.AddError("--accounts : entre 1 et 10 000 000.");
            }
        });
        var command = new Command("generate", """
            Écrit des exports fictifs mais réalistes (ISO-8859-15, plusieurs établissements, archives ExportXML_*.zip, fratries
            dans deux établissements, comptes joints, codes périmés, homonymes) pour essayer la migration sans données réelles.
            Ensuite : run --siecle DOSSIER/siecle --comptes DOSSIER/ComptesTeleservices.xml
            """)
        {
            accounts, output, seed,
        };
        command.SetAction((parse, _) => cli.WithoutServicesAsync(async () =>
        {
            var folder = parse.GetValue(output)!.FullName;
            var result = new SyntheticExportGenerator(parse.GetValue(accounts), parse.GetValue(seed)).Write(folder);
            await cli.Output.WriteLineAsync(string.Create(CultureInfo.GetCultureInfo("fr-FR"),
                $"{result.Accounts:N0} comptes, {result.Schools:N0} établissements, {result.Persons:N0} responsables, {result.Pupils:N0} élèves écrits dans {folder}"));
            return ExitCodes.Success;
        }));
        return command;
    }
}
