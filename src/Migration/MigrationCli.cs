using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Sqlite;
using SupportBot.Migration.Commands;
using SupportBot.Migration.Input;

namespace SupportBot.Migration;

/// <summary>The command line: one file per command under Commands/, errors turned into named exit codes.</summary>
internal sealed class MigrationCli(IDictionary<string, string?>? overrides = null, TimeProvider? time = null, TextWriter? output = null,
    TextWriter? error = null)
{
    public TextWriter Output { get; } = output ?? Console.Out;

    public TextWriter Error { get; } = error ?? Console.Error;

    /// <summary>True when the progress must not draw a terminal bar (tests, pipes).</summary>
    public bool Interactive => output is null && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    public static Task<int> RunAsync(string[] args, IDictionary<string, string?>? overrides = null, TimeProvider? time = null,
        TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default) =>
        new MigrationCli(overrides, time, output, error).InvokeAsync(args, cancellationToken);

    public async Task<int> InvokeAsync(string[] args, CancellationToken cancellationToken)
    {
        // ISO-8859-15, the SIECLE exports' encoding, is not among .NET's built-in encodings.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var root = new RootCommand("""
            Migration unique des comptes parents SIECLE téléservices vers l'annuaire de SupportBot (un compte par personne).
            Ordre habituel : « run --dry-run » (essai, rapport seul), « run » (écrit, reprend là où il s'est arrêté),
            « accounts export » (contrôle), puis « notify » (envoie identifiant et lien de mot de passe).
            Base de données : appsettings.json à côté du programme, ou variables d'environnement (Directory__Provider=Sqlite|SqlServer,
            Directory__ConnectionString=...). Options du courriel : Mail__*, Migration__PublicBaseUrl, Migration__MessagesPerMinute.
            """ + "\n" + ExitCodes.HelpText)
        {
            RunCommand.Create(this),
            NotifyCommand.Create(this),
            AccountsCommand.Create(this),
            GenerateCommand.Create(this),
        };
        var configuration = new InvocationConfiguration { Output = Output, Error = Error };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await parsed.InvokeAsync(configuration, cancellationToken);
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>Runs a command's body with the configured services, mapping failures to exit codes and clear messages.</summary>
    public async Task<int> WithServicesAsync(Func<ServiceProvider, Task<int>> body)
    {
        try
        {
            await using var services = MigrationServices.Build(overrides, time);
            services.GetRequiredService<IStartupValidator>().Validate();
            return await body(services);
        }
        catch (MigrationInputException e)
        {
            await Error.WriteLineAsync($"Erreur : {e.Message}");
            return e.ExitCode;
        }
        catch (DeferredIndexException e)
        {
            await Error.WriteLineAsync($"Erreur : {e.Message}");
            return ExitCodes.IndexRebuildFailed;
        }
        catch (OptionsValidationException e)
        {
            await Error.WriteLineAsync($"Configuration invalide : {string.Join(" ; ", e.Failures)}");
            return ExitCodes.InvalidConfiguration;
        }
        catch (OperationCanceledException)
        {
            await Error.WriteLineAsync("Interrompu : ce qui a été validé est gardé ; relancez la même commande pour reprendre.");
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>Generation needs no database.</summary>
    public async Task<int> WithoutServicesAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (MigrationInputException e)
        {
            await Error.WriteLineAsync($"Erreur : {e.Message}");
            return e.ExitCode;
        }
    }
}
