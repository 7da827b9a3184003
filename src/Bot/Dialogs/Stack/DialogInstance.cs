using System.Text.Json;

namespace SupportBot.Bot.Dialogs.Stack;

/// <summary>One entry of a conversation's dialog stack, saved between turns: the dialog's id and its typed state as JSON.</summary>
internal sealed class DialogInstance
{
    public required string Id { get; init; }

    public JsonElement? State { get; set; }
}
