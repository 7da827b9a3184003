using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Activities;
using SupportBot.Bot.Dialogs.Commands;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Dialogs.Turns;
using SupportBot.Bot.Sms;
using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Tests.Dialogs;

public sealed class SmsTextTests
{
    [Fact]
    public async Task EverySmsTextInDialogs_IsGsm7WithinTwoSegments()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var catalog = bot.Services.GetRequiredService<DialogCatalog>();
        var renderer = bot.Services.GetRequiredService<MessageRenderer>();
        var incoming = new Activity { ChannelId = Channels.Sms, Conversation = new ConversationAccount("c") };

        var costly = catalog.Dialogs.Values
            .SelectMany(d => d.Steps.SelectMany(s => s.Kind.Texts(s, catalog.Texts).Select(t => (Where: $"{s.Position} {t.Name}", t))))
            .Select(x => (x.Where, Sms: renderer.Render(incoming, x.t.Text, x.t.Choices).Text!))
            .Select(x => (x.Where, Measure: SmsText.Measure(SmsText.ToGsmFriendly(x.Sms))))
            .Where(x => x.Measure.Segments > 2 || x.Measure.Encoding != SmsEncoding.Gsm7)
            .Select(x => x.Where)
            .ToList();

        Assert.Empty(costly);
    }

    [Fact]
    public async Task DialogsCheckWithSms_ListsEachTextWithItsCost()
    {
        var output = new StringWriter();

        var code = await BotCommandLine.RunAsync(["dialogs", "check", "--sms", "--folder", BotTestHost.RepositoryDialogs],
            s => s.AddDialogEngineForTests(), new Terminal(TextReader.Null, output, new StringWriter()));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"dialogs/menu\.yaml:\d+ choisir text: 2 SMS, GSM-7, \d+ characters", output.ToString());
    }
}
