namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>One text in its two variants: Markdown for Web Chat, short plain text for SMS.</summary>
internal sealed record MessageText(string Web, string Sms, SourcePosition Position)
{
    public string For(string? channelId) => Channels.IsSms(channelId) ? Sms : Web;

    /// <summary>Replaces <c>{name}</c> with the values given; unknown names are left as they are.</summary>
    public MessageText Format(IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0 || (!Web.Contains('{') && !Sms.Contains('{')))
        {
            return this;
        }

        return this with { Web = Replace(Web, values), Sms = Replace(Sms, values) };
    }

    /// <summary>Replaces <c>{name}</c> with a text, each channel with its own variant (a path's title in a sentence).</summary>
    public MessageText Format(string name, MessageText value) => this with
    {
        Web = Web.Replace("{" + name + "}", value.Web, StringComparison.Ordinal),
        Sms = Sms.Replace("{" + name + "}", value.Sms, StringComparison.Ordinal),
    };

    private static string Replace(string text, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
