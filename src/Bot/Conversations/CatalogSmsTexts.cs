using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Dialogs.Declarative;
using SupportBot.Bot.Sms;

namespace SupportBot.Bot.Conversations;

/// <summary>The SMS channel's words, from dialogs/textes.yaml like every other text a parent reads.</summary>
internal sealed class CatalogSmsTexts(DialogCatalog catalog) : ISmsSystemTexts
{
    public string StopConfirmation => catalog.Texts.Get(SystemTexts.SmsStop).Sms;

    public string CaseResolved(DirectorCaseKind kind, string reference, string? directorMessage = null)
    {
        var name = kind switch
        {
            DirectorCaseKind.PhoneMismatch or DirectorCaseKind.BirthDateMismatch => SystemTexts.SmsCaseResolvedOnde,
            DirectorCaseKind.LostNotification or DirectorCaseKind.LostTemporaryPassword or DirectorCaseKind.NoMobilePhone => SystemTexts.SmsCaseResolvedNotification,

            // Other, and any kind added later: the wording that promises nothing the school may not have done.
            _ => SystemTexts.SmsCaseResolvedOther,
        };
        var text = catalog.Texts.Get(name).Format(new Dictionary<string, string> { ["reference"] = reference }).Sms;
        return directorMessage is { Length: > 0 }
            ? text + catalog.Texts.Get(CaseTexts.SmsMessageEcole).Format(new Dictionary<string, string> { ["message"] = directorMessage }).Sms
            : text;
    }
}
