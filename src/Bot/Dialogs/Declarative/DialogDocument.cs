namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>A dialog file (schema <see cref="DialogCatalogLoader.DialogSchema"/>).</summary>
internal sealed class DialogDocument
{
    public required string Id { get; init; }

    public required string File { get; init; }

    public required SourcePosition Position { get; init; }

    /// <summary>How menus and the clarification question name this path.</summary>
    public required MessageText Title { get; init; }

    public required IReadOnlyList<string> Intents { get; init; }

    /// <summary>Words that start this dialog from anywhere, cancelling the current one (« menu », « annuler »).</summary>
    public required IReadOnlyList<string> Commands { get; init; }

    public required IReadOnlyList<StepNode> Steps { get; init; }

    public StepNode? Find(string stepId) => Steps.FirstOrDefault(s => s.Id == stepId);
}
