namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>
/// Where a step goes next, as written in a file: a step id of the same file, <c>dialogue:&lt;id&gt;</c> to switch to
/// another dialog, or <c>fin</c> to end the dialog.
/// </summary>
internal sealed record Target(string Value, SourcePosition Position)
{
    public const string EndValue = "fin";
    public const string DialogPrefix = "dialogue:";

    public bool IsEnd => Value == EndValue;

    public string? DialogId => Value.StartsWith(DialogPrefix, StringComparison.Ordinal) ? Value[DialogPrefix.Length..] : null;

    public bool IsStep => !IsEnd && DialogId is null;
}
