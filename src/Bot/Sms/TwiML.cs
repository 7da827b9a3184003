using System.Xml.Linq;

namespace SupportBot.Bot.Sms;

/// <summary>Twilio's reply format: <c>&lt;Response&gt;&lt;Message&gt;...&lt;/Message&gt;&lt;/Response&gt;</c>, or an empty Response to say nothing.</summary>
internal static class TwiML
{
    public const string ContentType = "text/xml; charset=utf-8";

    public static string Message(string? text)
    {
        var response = new XElement("Response");
        if (!string.IsNullOrEmpty(text))
        {
            response.Add(new XElement("Message", text));
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null), response).Declaration + response.ToString(SaveOptions.DisableFormatting);
    }
}
