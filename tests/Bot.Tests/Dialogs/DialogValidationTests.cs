using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Dialogs.Commands;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Tests.Dialogs;

public sealed class DialogValidationTests
{
    [Fact]
    public async Task EveryFileInDialogs_LoadsAndValidates()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var loader = bot.Services.GetRequiredService<DialogCatalogLoader>();

        var (catalog, diagnostics) = loader.Load(BotTestHost.RepositoryDialogs);

        Assert.Empty(diagnostics.Select(d => d.ToString()));
        Assert.Equal(DialogCatalogLoader.Files(BotTestHost.RepositoryDialogs).Count, catalog!.FileCount);
        Assert.All(SystemTexts.RequiredDialogs, id => Assert.Contains(id, catalog.Dialogs.Keys));
    }

    [Fact]
    public void Files_LeaveOutTheIntentsAndTheConversations()
    {
        var dialogs = Path.Combine(Path.GetTempPath(), "supportbot-files-" + Guid.NewGuid().ToString("N"), "dialogs");
        foreach (var file in new[] { "menu.yaml", "textes/autres.yml", "intents/salutation.yaml", "conversations/mot-de-passe.yaml", "conversations.yaml" })
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dialogs, file))!);
            File.WriteAllText(Path.Combine(dialogs, file), "schema: supportbot/dialogue/1\n");
        }

        try
        {
            var files = DialogCatalogLoader.Files(dialogs);

            Assert.Equal(["dialogs/conversations.yaml", "dialogs/menu.yaml", "dialogs/textes/autres.yml"], files.Select(f => f.Display));
        }
        finally
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(dialogs)!, true);
        }
    }

    public static TheoryData<string, string, int, string> BrokenFiles => new()
    {
        { "unknown step kind", "  - id: a\n    kind: sauter\n    text: Bonjour\n", 6, "unknown step kind « sauter »" },
        { "unknown action", "  - id: a\n    kind: action\n    action: effacer-tout\n", 7, "unknown action « effacer-tout »" },
        { "missing sms text", "  - id: a\n    kind: message\n    text:\n      web: Bonjour\n", 7, "the text « text » has no « sms » variant" },
        { "missing text", "  - id: a\n    kind: message\n    next: fin\n", 5, "the text « text » is missing" },
        { "dangling step", "  - id: a\n    kind: message\n    text: Bonjour\n    next: nulle-part\n", 8, "« nulle-part » is not a step" },
        { "dangling dialog", "  - id: a\n    kind: message\n    text: Bonjour\n    next: \"dialogue:absent\"\n", 8, "no dialog has the id « absent »" },
        { "unreachable step", "  - id: a\n    kind: message\n    text: Bonjour\n    next: fin\n  - id: b\n    kind: message\n    text: Jamais\n", 9, "the step « b » cannot be reached" },
        { "unknown prompt", "  - id: a\n    kind: ask\n    prompt: couleur\n    into: x\n    text: Couleur ?\n", 7, "unknown prompt « couleur »" },
        { "bad case type", "  - id: a\n    kind: action\n    action: ouvrir-dossier\n    with:\n      type: Urgent\n", 9, "« Urgent » is not a case type" },
        { "unknown key", "  - id: a\n    kind: message\n    texte: Bonjour\n", 7, "unknown key « texte »" },
        { "unknown channel", "  - id: a\n    kind: message\n    channel: fax\n    text: Bonjour\n", 7, "unknown channel « fax »" },
        { "school step without into", "  - id: a\n    kind: school\n    text: Quelle école ?\n", 5, "into" },
        { "when-given of a kind never heard", Confirm("      couleur: fin\n"), 11, "« couleur » is not a kind of value heard in a message" },
        { "when-given leading to no such question", Confirm("      email: b\n") + "  - id: b\n    kind: message\n    text: Bonjour\n", 11,
            "« b » does not lead (through messages only) to a question asking for a value of kind « email »" },
        { "when-given to a dialog not asking it", Confirm("      phone: \"dialogue:identifiant-oublie\"\n"), 11,
            "the dialog « identifiant-oublie » asks for no value of kind « phone »" },
        { "on-intent with an unknown intent", "  - id: a\n    kind: confirm\n    text: Sûr ?\n    yes: fin\n    no: fin\n    on-intent:\n      au_revoir: fin\n", 11,
            "unknown intent « au_revoir »" },
        { "noted that is not a text", "  - id: a\n    kind: ask\n    prompt: email\n    into: x\n    text: Adresse ?\n    noted:\n      fax: x\n", 11, "unknown variant « fax »" },
    };

    private static string Confirm(string whenGiven) =>
        "  - id: a\n    kind: confirm\n    text: Sûr ?\n    yes: fin\n    no: fin\n    when-given:\n" + whenGiven;

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task BrokenFile_IsRejectedWithFileAndLine(string problem, string steps, int line, string message)
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var loader = bot.Services.GetRequiredService<DialogCatalogLoader>();
        var files = DialogCatalogLoader.Files(BotTestHost.RepositoryDialogs)
            .Select(f => (f.Display, (Func<TextReader>)(() => new StreamReader(f.Path))))
            .Append(("dialogs/casse.yaml", () => new StringReader(
                $"schema: supportbot/dialogue/1\nid: casse\ntitle: Cassé\nsteps:\n{steps}")));

        var (catalog, diagnostics) = loader.Load(files);

        Assert.Null(catalog);
        Assert.All(diagnostics, d => Assert.Equal("dialogs/casse.yaml", d.Position.File));
        Assert.True(diagnostics.Any(d => d.Position.Line == line && d.Message.Contains(message)),
            $"{problem}: expected line {line} « {message} », got: {string.Join(" | ", diagnostics)}");
    }

    [Fact]
    public async Task InterjectionThatAsks_IsRejected()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var loader = bot.Services.GetRequiredService<DialogCatalogLoader>();
        var files = DialogCatalogLoader.Files(BotTestHost.RepositoryDialogs)
            .Select(f => (f.Display, (Func<TextReader>)(() => new StreamReader(f.Path))))
            .Append(("dialogs/casse.yaml", () => new StringReader(
                "schema: supportbot/dialogue/1\nid: casse\ntitle: Cassé\ninterjection: true\nsteps:\n"
                + "  - id: a\n    kind: confirm\n    text: Sûr ?\n    yes: fin\n    no: \"dialogue:menu\"\n")));

        var (catalog, diagnostics) = loader.Load(files);

        Assert.Null(catalog);
        Assert.Equal("dialogs/casse.yaml:6: the step « a » asks something or leaves for another dialog; an interjection only talks, then the question waiting is asked again.",
            Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public async Task IntentNoDialogAnswers_IsReported()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var loader = bot.Services.GetRequiredService<DialogCatalogLoader>();
        var files = DialogCatalogLoader.Files(BotTestHost.RepositoryDialogs)
            .Select(f => (f.Display, (Func<TextReader>)(() => f.Display.EndsWith("remerciement.yaml")
                ? new StringReader(File.ReadAllText(f.Path).Replace("intents: [remerciement]", ""))
                : new StreamReader(f.Path))));

        var (catalog, diagnostics) = loader.Load(files);

        Assert.Null(catalog);
        Assert.Equal("dialogs/:0: no dialog answers the intent « remerciement » (add it to a dialog's « intents »).", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public async Task FileWithoutSchema_IsRejected()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var loader = bot.Services.GetRequiredService<DialogCatalogLoader>();

        var (_, diagnostics) = loader.Load([("dialogs/x.yaml", () => new StringReader("id: x\nsteps: []\n"))]);

        Assert.Contains(diagnostics, d => d.ToString().StartsWith("dialogs/x.yaml:1: the file must declare « schema: supportbot/dialogue/1 »"));
    }

    [Fact]
    public async Task DialogsCheck_ReportsFileAndLineAndFails()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-check-" + Guid.NewGuid().ToString("N"));
        var dialogs = BotTestHost.CopyDialogs(folder);
        var file = Path.Combine(dialogs, "identifiant-oublie.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))
            .Replace("action: envoyer-identifiant", "action: envoyer-identifiant-v2"), TestContext.Current.CancellationToken);
        var line = File.ReadLines(file).ToList().FindIndex(l => l.Contains("envoyer-identifiant-v2")) + 1;
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            var terminal = new Terminal(TextReader.Null, output, error);
            var broken = await BotCommandLine.RunAsync(["dialogs", "check", "--folder", dialogs], s => s.AddDialogEngineForTests(), terminal);
            var valid = await BotCommandLine.RunAsync(["dialogs", "check", "--folder", BotTestHost.RepositoryDialogs], s => s.AddDialogEngineForTests(), terminal);

            Assert.Equal(ExitCodes.InvalidDialogs, broken);
            Assert.Contains($"dialogs/identifiant-oublie.yaml:{line}: unknown action « envoyer-identifiant-v2 »", error.ToString());
            Assert.Equal(ExitCodes.Success, valid);
            Assert.Matches(@"^\d+ files, \d+ dialogs, \d+ texts: valid\.", output.ToString());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
