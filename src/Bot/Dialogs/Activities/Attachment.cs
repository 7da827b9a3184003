using System.Text.Json;

namespace SupportBot.Bot.Dialogs.Activities;

public sealed record Attachment(string ContentType, string? ContentUrl = null, JsonElement? Content = null, string? Name = null);
