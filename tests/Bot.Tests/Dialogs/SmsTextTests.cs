using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Dialogs.Activities;
using SupportBot.Bot.Dialogs.Commands;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Tests.Dialogs;

public sealed class SmsTextTests
{
    [Theory]
    [InlineData(160, 'a', 1, true)]
    [InlineData(161, 'a', 2, true)]
    [InlineData(306, 'e', 2, true)]
    [InlineData(307, 'e', 3, true)]
    [InlineData(70, 'ê', 1, false)]
    [InlineData(71, 'ç', 2, false)]
    [InlineData(80, '€', 1, true)]
    [InlineData(81, '€', 2, true)]
    public void Segments_FollowGsm7AndUcs2Sizes(int length, char c, int segments, bool gsm7)
    {
        var (count, isGsm7, _) = SmsSegments.Count(new string(c, length));

        Assert.Equal(segments, count);
        Assert.Equal(gsm7, isGsm7);
    }

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
            .Where(x => SmsSegments.Count(x.Sms) is var (segments, gsm7, _) && (segments > 2 || !gsm7))
            .Select(x => x.Where)
            .ToList();

        Assert.Empty(costly);
    }

    [Fact]
    public async Task DialogsCheckWithSms_ListsEachTextWithItsCost()
    {
        var output = new StringWriter();

        var code = await DialogCommands.RunAsync(["dialogs", "check", "--sms", "--folder", BotTestHost.RepositoryDialogs],
            s => s.AddDialogEngineForTests(), null, output, new StringWriter());

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"dialogs/menu\.yaml:\d+ choisir text: 2 SMS, GSM-7, \d+ characters", output.ToString());
    }
}
