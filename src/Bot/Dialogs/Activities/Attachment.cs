using System.Text.Json;

namespace SupportBot.Bot.Dialogs.Activities;

internal sealed record Attachment(string ContentType, string? ContentUrl = null, JsonElement? Content = null, string? Name = null);
