namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>Where a node was read: shown to operators as <c>dialogs/mot-de-passe.yaml:42</c>.</summary>
internal sealed record SourcePosition(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
