using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SupportBot.Bot.Cases;

/// <summary>HTML escaping that leaves French letters as they are (« é », not « &amp;#233; »), for pages and mails.</summary>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? "");
}
