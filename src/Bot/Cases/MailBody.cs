using System.Text;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Cases;

/// <summary>
/// A French mail built once as plain text and as HTML from the same blocks. Templates come from dialogs/ and values are
/// inserted escaped into the HTML (a parent's text is never markup); a link becomes an anchor.
/// </summary>
internal sealed class MailBody
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body>");

    public string TextBody => _text.ToString().TrimEnd() + "\n";

    public string HtmlBody => _html + "</body></html>";

    /// <summary>A template's paragraphs (separated by blank lines), its <c>{name}</c>s replaced; <paramref name="link"/> names the value shown as a link.</summary>
    public MailBody Paragraphs(MessageText template, IReadOnlyDictionary<string, string>? values = null, string? link = null)
    {
        _text.Append(template.Format(values ?? new Dictionary<string, string>()).Web).Append("\n\n");
        foreach (var paragraph in template.Web.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = paragraph.Split('\n').Select(line =>
            {
                var html = Encode(line);
                foreach (var (name, value) in values ?? new Dictionary<string, string>())
                {
                    var replacement = name == link
                        ? $"<a href=\"{Encode(value)}\">{Encode(value)}</a>"
                        : string.Join("<br>", value.Split('\n').Select(Encode));
                    html = html.Replace(Encode("{" + name + "}"), replacement, StringComparison.Ordinal);
                }

                return html;
            });
            _html.Append("<p>").Append(string.Join("<br>", lines)).Append("</p>");
        }

        return this;
    }

    public MailBody Line(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(Encode(text)).Append("</p>");
        return this;
    }

    public MailBody Heading(string text)
    {
        _text.Append(text).Append('\n');
        _html.Append("<p><strong>").Append(Encode(text)).Append("</strong></p>");
        return this;
    }

    public MailBody Fields(IEnumerable<(string Label, string Value)> fields)
    {
        _html.Append("<ul>");
        foreach (var (label, value) in fields)
        {
            _text.Append("- ").Append(label).Append(" : ").Append(value).Append('\n');
            _html.Append("<li>").Append(Encode(label)).Append(" : <strong>").Append(Encode(value)).Append("</strong></li>");
        }

        _text.Append('\n');
        _html.Append("</ul>");
        return this;
    }

    public MailBody Steps(IEnumerable<string> steps)
    {
        var number = 1;
        _html.Append("<ol>");
        foreach (var step in steps)
        {
            _text.Append(number++).Append(". ").Append(step).Append('\n');
            _html.Append("<li>").Append(Encode(step)).Append("</li>");
        }

        _text.Append('\n');
        _html.Append("</ol>");
        return this;
    }

    private static string Encode(string text) => Html.Encode(text);
}
