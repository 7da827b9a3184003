using System.CommandLine;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Commands;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Dialogs.Commands;

/// <summary><c>dialogs check [--folder dialogs]</c>: validates the dialog files as the service does at start-up, listing each problem as file:line.</summary>
internal static class DialogsCheckCommand
{
    public static Command Create(Action<IServiceCollection> addServices, Terminal terminal)
    {
        var (output, error) = (terminal.Output, terminal.Error);
        var folder = new Option<string?>("--folder") { Description = "The dialogs folder (default: the service's Dialogs:Folder, « dialogs »)." };
        var sms = new Option<bool>("--sms") { Description = "Also list every SMS text as sent (choices numbered), with its segment count and encoding." };
        var check = new Command("check", "Validate the files under dialogs/: step kinds, actions, texts, references, reachability.") { folder, sms };
        check.SetAction(async (parse, _) =>
        {
            var overrides = parse.GetValue(folder) is { } given ? new Dictionary<string, string?> { ["Dialogs:Folder"] = Path.GetFullPath(given) } : null;
            using var host = CommandHost.Build(addServices, overrides);
            string path;
            try
            {
                path = host.Services.GetRequiredService<IOptions<DialogsOptions>>().Value.ResolveFolder();
            }
            catch (OptionsValidationException e)
            {
                await error.WriteLineAsync(e.Message);
                return ExitCodes.InvalidConfiguration;
            }

            var (catalog, diagnostics) = host.Services.GetRequiredService<DialogCatalogLoader>().Load(path);
            if (catalog is null)
            {
                foreach (var diagnostic in diagnostics)
                {
                    await error.WriteLineAsync(diagnostic.ToString());
                }

                await error.WriteLineAsync($"{diagnostics.Count} problem(s): the service would refuse to start.");
                return ExitCodes.InvalidDialogs;
            }

            if (parse.GetValue(sms))
            {
                await SmsReport.WriteAsync(catalog, host.Services.GetRequiredService<Turns.MessageRenderer>(), output);
            }

            await output.WriteLineAsync($"{catalog.FileCount} files, {catalog.Dialogs.Count} dialogs, {catalog.Texts.All.Count} texts: valid.");
            return ExitCodes.Success;
        });
        return new Command("dialogs", "Tools for the files under dialogs/.") { check, DialogsMisunderstoodCommand.Create(addServices, output, error) };
    }
}
