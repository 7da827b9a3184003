using System.Globalization;
using System.Text;
using SupportBot.Bot.Tests.Dialogs.Conversations;

namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>
/// The conversation evaluation: whole conversations written from the académie's and the ministry's documents, in
/// parents' words (dialogs/conversations/), played through the real engine on every channel they declare. The bot
/// must pass 95 % of them; each failure is printed as a transcript with what was expected or refused.
/// </summary>
public sealed class ConversationEvaluationTests
{
    private const double Threshold = 0.95;
    private const int MinimumConversations = 160;

    private const string Valid = """
        schema: supportbot/conversations/1
        conversations:
          - id: exemple
            channels: [web, sms]
            source: seed 000
            turns:
              - parent: bonjour
                expect: [educonnect, [menu, aide]]
            cases: []
        """;

    [Fact]
    public void EveryConversationFile_IsWellFormed()
    {
        var (conversations, problems) = ConversationScriptReader.ReadFolder(ConversationScriptReader.Folder);

        Assert.Empty(problems.Select(p => p.ToString()));
        Assert.True(conversations.Count >= MinimumConversations, $"{conversations.Count} conversations, at least {MinimumConversations} expected.");
    }

    public static TheoryData<string, string, string, int, string> MalformedFiles => new()
    {
        { "YAML syntax", "expect: [educonnect, [menu, aide]]", "expect: [educonnect, [menu, aide]]]", 8, "YAML syntax error" },
        { "list left open", "expect: [educonnect, [menu, aide]]", "expect: [educonnect, [menu, aide]", 1, "YAML syntax error" },
        { "unknown turn key", "expect: [educonnect", "attendu: [educonnect", 8, "unknown key « attendu »" },
        { "unknown channel", "channels: [web, sms]", "channels: [web, fax]", 4, "unknown channel « fax »" },
        { "no source", "    source: seed 000\n", "", 3, "« source » is missing" },
        { "turn on another channel", "- parent: bonjour", "- parent: bonjour\n        channel: fax", 8, "the turn's channel « fax » is not one of the conversation's (web, sms)" },
        { "parent and join", "- parent: bonjour", "- join: true\n        parent: bonjour", 7, "either « parent: »" },
        { "expect entry not a fragment", "expect: [educonnect, [menu, aide]]", "expect: [{ texte: educonnect }]", 8, "an « expect » entry is a fragment" },
        { "unknown case kind", "cases: []", "cases: [{ kind: Urgent, school: 0352207J }]", 9, "unknown case kind « Urgent »" },
        { "school neither UAI nor académie", "cases: []", "cases: [{ kind: PhoneMismatch, school: jean moulin }]", 9, "« jean moulin » is neither a UAI" },
        { "bad id", "id: exemple", "id: Exemple 1", 3, "lower-case letters, digits and hyphens" },
        { "other schema", "conversations/1", "dialogue/1", 1, "must declare « schema: supportbot/conversations/1 »" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void MalformedFile_IsReportedWithFileAndLine(string problem, string replaced, string by, int line, string message)
    {
        var text = Valid.Replace(replaced, by, StringComparison.Ordinal);

        var (conversations, problems) = ConversationScriptReader.Read([("dialogs/conversations/casse.yaml", () => new StringReader(text))]);

        Assert.Empty(conversations);
        Assert.True(problems.Any(p => p.ToString().StartsWith($"dialogs/conversations/casse.yaml:{line}: ", StringComparison.Ordinal)
            && p.Message.Contains(message, StringComparison.Ordinal)), $"{problem}: expected line {line} « {message} », got: {string.Join(" | ", problems)}");
    }

    [Fact]
    public void DuplicateId_IsReportedWhereItIsReused()
    {
        var (_, problems) = ConversationScriptReader.Read([
            ("dialogs/conversations/a.yaml", () => new StringReader(Valid)),
            ("dialogs/conversations/b.yaml", () => new StringReader(Valid)),
        ]);

        Assert.Equal("dialogs/conversations/b.yaml:3: the conversation id « exemple » is already used at dialogs/conversations/a.yaml:3.",
            Assert.Single(problems).ToString());
    }

    [Theory]
    [InlineData("Cliquez sur « Je n’ai pas reçu de code », puis « Réessayer ».", "je n'ai pas recu de code")]
    [InlineData("Le code est valable **30 minutes**.", "30 MINUTES")]
    [InlineData("Appelez le 0\u00a0809\u00a054\u00a006\u00a006.", "0 809 54 06 06")]
    [InlineData("Services en ligne de l'éducation nationale – activation de votre compte", "nationale - activation")]
    [InlineData("Une sœur, ou un frère", "soeur")]
    public void Fragments_AreFoundInSubstance(string reply, string fragment)
    {
        Assert.True(ReplyText.Contains(ReplyText.Normalize(reply), fragment));
    }

    [Fact]
    public async Task Runner_ReportsEachFailedCheckWhereItIsWritten()
    {
        var (conversations, _) = ConversationScriptReader.Read([("dialogs/conversations/controle.yaml", () => new StringReader("""
            schema: supportbot/conversations/1
            conversations:
              - id: tout-faux
                channels: [sms]
                source: test
                turns:
                  - parent: bonjour
                    expect: [zzz jamais dit]
                  - parent: "où en est ma demande {reference} ?"
                cases: [{ kind: Other, school: 0352207J }]
              - id: rien-a-redire
                channels: [web]
                source: test
                turns:
                  - parent: bonjour
                    refuse: [zzz jamais dit]
                cases: []
            """))]);
        await using var host = await BotTestHost.StartAsync();
        var runner = new ConversationRunner(host);

        var failed = await runner.RunAsync(conversations[0], ConversationScript.SmsChannel, TestContext.Current.CancellationToken);
        var passed = await runner.RunAsync(conversations[1], ConversationScript.WebChannel, TestContext.Current.CancellationToken);

        Assert.Equal([
            "dialogs/conversations/controle.yaml:7: expected « zzz jamais dit »",
            "dialogs/conversations/controle.yaml:9: no case reference (SB-…) was given earlier in the conversation for « {reference} ».",
            "cases: expected Other → 0352207J, the directory holds none",
        ], failed.Problems);
        Assert.StartsWith("✗ tout-faux [sms] dialogs/conversations/controle.yaml:3 — test", failed.Transcript(), StringComparison.Ordinal);
        Assert.Contains("parent > bonjour", failed.Transcript(), StringComparison.Ordinal);
        Assert.True(passed.Passed, string.Join(" | ", passed.Problems));
    }

    [Fact]
    public async Task Conversations_PassAtLeast95Percent()
    {
        var (conversations, problems) = ConversationScriptReader.ReadFolder(ConversationScriptReader.Folder);
        Assert.Empty(problems.Select(p => p.ToString()));
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Cases:AcademieEmail"] = "assistance@ac-rennes.example" });
        var runner = new ConversationRunner(host);

        var runs = new List<ConversationRun>();
        foreach (var conversation in conversations)
        {
            foreach (var channel in conversation.Channels)
            {
                runs.Add(await runner.RunAsync(conversation, channel, TestContext.Current.CancellationToken));
            }
        }

        var passed = conversations.Count(c => runs.Where(r => r.Script == c).All(r => r.Passed));
        var share = (double)passed / conversations.Count;
        var report = Report(conversations, runs, passed, share);
        var path = Path.Combine(AppContext.BaseDirectory, "conversation-evaluation.txt");
        await File.WriteAllTextAsync(path, report, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.True(share >= Threshold, $"Full report: {path}\n{report}");
    }

    /// <summary>The figures first, then every failed run as a transcript, then the share again (the end of a long console output).</summary>
    private static string Report(IReadOnlyList<ConversationScript> conversations, List<ConversationRun> runs, int passed, double share)
    {
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        var headline = string.Create(fr, $"Conversation evaluation: {passed}/{conversations.Count} conversations fully passed ({share:P1}), threshold {Threshold:P0}.");
        var text = new StringBuilder().AppendLine(headline);
        foreach (var file in conversations.GroupBy(c => c.Position.File))
        {
            text.AppendLine($"  {file.Key}: {file.Count(c => runs.Where(r => r.Script == c).All(r => r.Passed))}/{file.Count()}");
        }

        foreach (var channel in runs.GroupBy(r => r.Channel))
        {
            text.AppendLine($"  {channel.Key}: {channel.Count(r => r.Passed)}/{channel.Count()} runs passed");
        }

        text.AppendLine($"  {runs.Sum(r => r.Problems.Count)} failed checks in {runs.Count(r => !r.Passed)} of {runs.Count} runs.").AppendLine();
        foreach (var run in runs.Where(r => !r.Passed))
        {
            text.AppendLine(run.Transcript());
        }

        return text.AppendLine(headline).ToString();
    }
}
