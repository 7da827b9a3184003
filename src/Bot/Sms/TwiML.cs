using System.Xml.Linq;
using Twilio.TwiML;

namespace SupportBot.Bot.Sms;

/// <summary>Twilio's reply format, written by Twilio's <see cref="MessagingResponse"/>: one Message, or an empty Response to say nothing.</summary>
internal static class TwiML
{
    public const string ContentType = "text/xml; charset=utf-8";

    /// <summary><paramref name="text"/> is sent as is: the caller made it GSM-7 friendly (<see cref="SmsText.ToGsmFriendly"/>).</summary>
    public static string Message(string? text)
    {
        var response = new MessagingResponse();
        if (!string.IsNullOrEmpty(text))
        {
            response.Message(text);
        }

        return response.ToString(SaveOptions.DisableFormatting);
    }
}
