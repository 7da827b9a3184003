using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Mail;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Dialogs.Actions;

/// <summary>
/// <c>envoyer-lien</c>: for an activated account with a confirmed address found by the value <c>identifiant</c>, mails
/// a single-use link to the reset page. Same outcome (<c>traite</c>) whatever the identifier: the dialog cannot tell.
/// </summary>
internal sealed class SendResetLinkAction(LookupLimiter limiter, PublicAddress address) : IDialogAction
{
    public const string ResetPath = "/motdepasse/reinitialiser";

    public string Name => "envoyer-lien";

    public IReadOnlySet<string> Outcomes { get; } = new HashSet<string> { "traite", "limite" };

    public IReadOnlySet<string> Parameters { get; } = new HashSet<string>();

    public async Task<string> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var identifier = context.Value("identifiant") ?? throw new InvalidOperationException($"{context.Position}: no value « identifiant » to look up.");
        if (!await limiter.TryConsumeAsync(context.Turn, "identifiant", identifier.Trim().ToLowerInvariant(), cancellationToken))
        {
            return "limite";
        }

        var accounts = context.Services.GetRequiredService<AccountService>();
        var account = await accounts.FindByIdentifierAsync(identifier, cancellationToken);
        if (account is { Status: AccountStatus.Active, EmailConfirmed: true, Email: { } email })
        {
            var token = await context.Services.GetRequiredService<PasswordResetService>().IssueAsync(account, cancellationToken);
            var link = address.BaseUrl + ResetPath + "?jeton=" + Uri.EscapeDataString(token);
            var values = new Dictionary<string, string> { ["identifiant"] = account.Identifier, ["lien"] = link };
            await context.Services.GetRequiredService<IMailSender>().SendAsync(new OutgoingMail(
                email,
                context.Texts.Get(SystemTexts.ResetMailSubject).Web,
                context.Texts.Get(SystemTexts.ResetMailBody).Format(values).Web,
                null,
                Name), cancellationToken);
        }

        return "traite";
    }
}
