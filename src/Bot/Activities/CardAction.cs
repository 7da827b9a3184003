namespace SupportBot.Bot.Activities;

/// <summary>A button; <c>imBack</c> posts <see cref="Value"/> back as the parent's message.</summary>
internal sealed record CardAction(string Type, string Title, string? Value = null);
