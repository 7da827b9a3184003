using System.Text.Json;

namespace SupportBot.Bot.Activities;

internal sealed record Attachment(string ContentType, string? ContentUrl = null, JsonElement? Content = null, string? Name = null);
