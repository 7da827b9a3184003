using SupportBot.Bot.Language;

namespace SupportBot.Bot.Tests.Language;

public sealed class IntentTrainingSetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supportbot-intents-" + Guid.NewGuid().ToString("N"));

    public IntentTrainingSetTests()
    {
        System.IO.Directory.CreateDirectory(_folder);
        foreach (var file in System.IO.Directory.EnumerateFiles(new NluOptions().TrainingPath, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ShippedTrainingFiles_LoadWithEveryIntent()
    {
        var utterances = IntentTrainingSet.Load(new NluOptions().TrainingPath);

        Assert.All(Intents.All, intent => Assert.True(utterances.Count(u => u.Intent == intent) >= 20, intent));
    }

    [Fact]
    public void UnknownIntent_FailsWithFileAndLine()
    {
        File.WriteAllText(Path.Combine(_folder, "cantine.yaml"), """
            schema: supportbot/intent-utterances/v1
            intent: cantine
            utterances:
              - "menu de la cantine"
            """);

        var error = Assert.Throws<IntentTrainingDataException>(() => IntentTrainingSet.Load(_folder));

        Assert.StartsWith(Path.Combine(_folder, "cantine.yaml") + ":2:", error.Message);
        Assert.Contains("unknown intent « cantine »", error.Message);
    }

    [Fact]
    public void BrokenYaml_FailsWithFileAndLine()
    {
        File.WriteAllText(Path.Combine(_folder, "salutation.yaml"), "schema: supportbot/intent-utterances/v1\nintent: salutation\nutterances:\n  - \"bonjour\n  - salut\n");

        var error = Assert.Throws<IntentTrainingDataException>(() => IntentTrainingSet.Load(_folder));

        Assert.Matches(@"salutation\.yaml:\d+: invalid YAML", error.Message);
    }

    [Fact]
    public void MissingSchema_FailsWithFileAndLine()
    {
        File.WriteAllText(Path.Combine(_folder, "salutation.yaml"), "intent: salutation\nutterances:\n  - bonjour\n");

        var error = Assert.Throws<IntentTrainingDataException>(() => IntentTrainingSet.Load(_folder));

        Assert.Equal($"{Path.Combine(_folder, "salutation.yaml")}:1: missing « schema: ».", error.Message);
    }

    [Fact]
    public void UtteranceInTwoIntents_FailsNamingBoth()
    {
        File.AppendAllText(Path.Combine(_folder, "salutation.yaml"), "  - \"Merci beaucoup !\"\n");

        var error = Assert.Throws<IntentTrainingDataException>(() => IntentTrainingSet.Load(_folder));

        Assert.Contains("salutation.yaml:", error.Message);
        Assert.Contains("also an utterance of remerciement (", error.Message);
    }

    [Fact]
    public void IntentWithoutUtterances_Fails()
    {
        File.Delete(Path.Combine(_folder, "franceconnect.yaml"));

        var error = Assert.Throws<IntentTrainingDataException>(() => IntentTrainingSet.Load(_folder));

        Assert.Contains("no training utterances for franceconnect", error.Message);
    }
}
