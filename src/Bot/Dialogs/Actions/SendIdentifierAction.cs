using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Mail;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Dialogs.Actions;

/// <summary>
/// <c>envoyer-identifiant</c>: mails the identifier of every account whose confirmed address is the value <c>adresse</c>.
/// The outcome is the same whether or not an account matched (<c>traite</c>), so the dialog cannot reveal it.
/// </summary>
public sealed class SendIdentifierAction(LookupLimiter limiter) : IDialogAction
{
    public string Name => "envoyer-identifiant";

    public IReadOnlySet<string> Outcomes { get; } = new HashSet<string> { "traite", "limite" };

    public IReadOnlySet<string> Parameters { get; } = new HashSet<string>();

    public async Task<string> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var address = context.Value("adresse") ?? throw new InvalidOperationException($"{context.Position}: no value « adresse » to look up.");
        if (!await limiter.TryConsumeAsync(context.Turn, cancellationToken))
        {
            return "limite";
        }

        var accounts = context.Services.GetRequiredService<AccountService>();
        var mail = context.Services.GetRequiredService<IMailSender>();
        foreach (var account in await accounts.FindByConfirmedEmailAsync(address, cancellationToken))
        {
            var values = new Dictionary<string, string> { ["identifiant"] = account.Identifier };
            await mail.SendAsync(new OutgoingMail(
                account.Email!,
                context.Texts.Get(SystemTexts.IdentifierMailSubject).Web,
                context.Texts.Get(SystemTexts.IdentifierMailBody).Format(values).Web,
                null,
                Name), cancellationToken);
        }

        return "traite";
    }
}
