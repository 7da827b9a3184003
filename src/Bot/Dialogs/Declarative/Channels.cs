namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>The two renderings of the dialogs; every channel other than SMS gets the web one.</summary>
internal static class Channels
{
    public const string Sms = "sms";
    public const string Web = "webchat";

    public static bool IsSms(string? channelId) => string.Equals(channelId, Sms, StringComparison.OrdinalIgnoreCase);
}
