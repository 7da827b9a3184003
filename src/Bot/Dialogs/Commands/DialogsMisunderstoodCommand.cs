using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Dialogs.Commands;

/// <summary>
/// <c>dialogs misunderstood [--days N] [--top N]</c>: the messages the bot could not route (masked), the same text
/// counted once with its number, most frequent first, for the académie to grow dialogs/intents/.
/// </summary>
internal static class DialogsMisunderstoodCommand
{
    public static Command Create(Action<IServiceCollection> addServices, TextWriter output, TextWriter error)
    {
        var days = new Option<int>("--days") { Description = "How many days back (1 to 3650; messages are kept Retention:Days, 30 by default).", DefaultValueFactory = _ => 30 };
        var top = new Option<int>("--top") { Description = "At most this many lines (default 100).", DefaultValueFactory = _ => 100 };
        var command = new Command("misunderstood",
            "List the messages the bot could not route (e-mails, phones, dates and identifiers masked), most frequent first: "
            + "one line each, « count<TAB>channel(s)<TAB>message ». Add the phrasings to dialogs/intents/ to teach the bot.")
        {
            days,
            top,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var back = parse.GetValue(days);
            var most = parse.GetValue(top);
            if (back is < 1 or > 3650 || most < 1)
            {
                await error.WriteLineAsync("--days must be 1 to 3650 and --top at least 1.");
                return ExitCodes.Usage;
            }

            using var host = CommandHost.Build(addServices);
            try
            {
                host.Services.GetRequiredService<IStartupValidator>().Validate();
            }
            catch (OptionsValidationException e)
            {
                await error.WriteLineAsync(e.Message);
                return ExitCodes.InvalidConfiguration;
            }

            await host.Services.InitializeAccountDirectoryAsync(cancellationToken: cancellationToken);
            var since = host.Services.GetRequiredService<TimeProvider>().GetUtcNow() - TimeSpan.FromDays(back);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            var messages = await db.MisunderstoodMessages.AsNoTracking()
                .Where(m => m.At >= since)
                .Select(m => new { m.Text, m.Channel })
                .ToListAsync(cancellationToken);

            // Grouped here: the same words with other capitals or spaces are the same message for whoever reads the list.
            var groups = messages
                .GroupBy(m => string.Join(' ', m.Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                .Select(g => (Count: g.Count(), Channels: string.Join(",", g.Select(m => m.Channel).Distinct().Order()), Text: g.First().Text))
                .OrderByDescending(g => g.Count).ThenBy(g => g.Text, StringComparer.Ordinal)
                .Take(most);
            foreach (var (count, channels, text) in groups)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{count}\t{channels}\t{text}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
