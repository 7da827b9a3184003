using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Sms;

namespace SupportBot.Bot.Conversations;

/// <summary>The SMS channel's words, from dialogs/textes.yaml like every other text a parent reads.</summary>
internal sealed class CatalogSmsTexts(DialogCatalog catalog) : ISmsSystemTexts
{
    public string StopConfirmation => catalog.Texts.Get(SystemTexts.SmsStop).Sms;
}
