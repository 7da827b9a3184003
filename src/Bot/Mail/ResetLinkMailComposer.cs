using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Mail;
using SupportBot.Bot.Dialogs;
using SupportBot.Bot.Dialogs.Actions;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Mail;

/// <summary>
/// <c>envoyer-lien</c>: for an activated account with a confirmed address found by the target identifier, a single-use
/// link to the reset page. The link is issued at each attempt: only its hash is stored, so the queue never holds it.
/// </summary>
internal sealed class ResetLinkMailComposer(DialogCatalog catalog, PublicAddress address) : IQueuedMailComposer
{
    public string Purpose => SendResetLinkAction.ActionName;

    public async Task<IReadOnlyList<OutgoingMail>> ComposeAsync(string target, IServiceProvider services, CancellationToken cancellationToken)
    {
        var account = await services.GetRequiredService<AccountService>().FindByIdentifierAsync(target, cancellationToken);
        if (account is not { Status: AccountStatus.Active, EmailConfirmed: true, Email: { } email })
        {
            return [];
        }

        var token = await services.GetRequiredService<PasswordResetService>().IssueAsync(account, cancellationToken);
        var link = address.BaseUrl + SendResetLinkAction.ResetPath + "?jeton=" + Uri.EscapeDataString(token);
        var values = new Dictionary<string, string> { ["identifiant"] = account.Identifier, ["lien"] = link };
        return
        [
            new OutgoingMail(
                email,
                catalog.Texts.Get(SystemTexts.ResetMailSubject).Web,
                catalog.Texts.Get(SystemTexts.ResetMailBody).Format(values).Web,
                null,
                Purpose),
        ];
    }
}
