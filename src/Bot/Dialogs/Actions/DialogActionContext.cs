using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Dialogs.Actions;

internal sealed class DialogActionContext(StepRun run, IReadOnlyDictionary<string, string> arguments)
{
    public TurnContext Turn => run.Dialogs.Turn;

    public IServiceProvider Services => run.Dialogs.Turn.Services;

    public TextCatalog Texts => run.Catalog.Texts;

    public SourcePosition Position => run.Step.Position;

    /// <summary>The <c>with:</c> arguments of the step.</summary>
    public IReadOnlyDictionary<string, string> Arguments => arguments;

    /// <summary>The dialog's collected values; what an action writes here is saved with the dialog.</summary>
    public Dictionary<string, string> Values => run.Values;

    public string? Value(string name) => run.Values.GetValueOrDefault(name);
}
