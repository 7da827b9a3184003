using System.CommandLine;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Sms;

namespace SupportBot.Bot.Dialogs.Commands;

/// <summary><c>dialogs check [--folder dialogs]</c>: validates the dialog files as the service does at start-up, listing each problem as file:line.</summary>
internal static class DialogsCheckCommand
{
    public static Command Create(Action<IServiceCollection> addServices, TextWriter output, TextWriter error)
    {
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
            await WriteSmsReportAsync(catalog, output);
            return ExitCodes.Success;
        });
        return new Command("dialogs", "Tools for the files under dialogs/.") { check };
    }

    /// <summary>
    /// How each SMS variant travels, as sent (after the plain replacements the SMS channel makes): encoding, length,
    /// segments. More than two segments is flagged: Twilio recommends 320 characters at most.
    /// </summary>
    private static async Task WriteSmsReportAsync(DialogCatalog catalog, TextWriter output)
    {
        await output.WriteLineAsync("SMS texts (position, encoding, characters, segments):");
        var over = 0;
        var notSms = SystemTexts.NotSentBySms.Select(name => catalog.Texts.Get(name).Position).ToHashSet();
        foreach (var text in catalog.EveryText.DistinctBy(t => t.Position).Where(t => !notSms.Contains(t.Position)))
        {
            var measure = SmsText.Measure(SmsText.ToGsmFriendly(text.Sms));
            var flag = measure.Segments > 2 ? "  more than 2 segments" : "";
            var forcing = measure.NonGsmCharacters.Count > 0 ? $"  (UCS-2 because of {string.Join(" ", measure.NonGsmCharacters)})" : "";
            over += measure.Segments > 2 ? 1 : 0;
            await output.WriteLineAsync($"  {text.Position}  {(measure.Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2")}  {measure.Units}  {measure.Segments}{flag}{forcing}");
        }

        await output.WriteLineAsync(over == 0
            ? "Every SMS text fits in two segments."
            : $"{over} SMS text(s) need more than two segments.");
    }
}
