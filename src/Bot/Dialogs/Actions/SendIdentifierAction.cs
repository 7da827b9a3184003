using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Mail;
using SupportBot.AccountDirectory.Validation;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Dialogs.Actions;

/// <summary>
/// <c>envoyer-identifiant</c>: mails the identifier of every account whose confirmed address is the value <c>adresse</c>.
/// The outcome is the same whether or not an account matched (<c>traite</c>), so the dialog cannot reveal it.
/// </summary>
internal sealed class SendIdentifierAction(LookupLimiter limiter) : IDialogAction
{
    // The same rule as AccountService.FindByConfirmedEmailAsync, read-only and compiled once: this is the hot query of
    // the busiest path, and tracking entities nobody changes more than doubled its cost (bench `turns`).
    private static readonly Func<DirectoryDbContext, string, IAsyncEnumerable<(string Identifier, string Email)>> Confirmed =
        EF.CompileAsyncQuery((DirectoryDbContext db, string email) => db.Accounts.AsNoTracking()
            .Where(a => a.Email == email && a.EmailConfirmed)
            .OrderBy(a => a.Id)
            .Select(a => ValueTuple.Create(a.Identifier, a.Email!)));

    public string Name => "envoyer-identifiant";

    public IReadOnlySet<string> Outcomes { get; } = new HashSet<string> { "traite", "limite" };

    public IReadOnlySet<string> Parameters { get; } = new HashSet<string>();

    public async Task<string> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var address = context.Value("adresse") ?? throw new InvalidOperationException($"{context.Position}: no value « adresse » to look up.");
        var valid = EmailAddresses.TryNormalize(address, out var normalized);
        if (!await limiter.TryConsumeAsync(context.Turn, "adresse", valid ? normalized : null, cancellationToken))
        {
            return "limite";
        }

        if (!valid)
        {
            return "traite";
        }

        var db = context.Services.GetRequiredService<DirectoryDbContext>();
        var mail = context.Services.GetRequiredService<IMailSender>();
        await foreach (var (identifier, email) in Confirmed(db, normalized).WithCancellation(cancellationToken))
        {
            var values = new Dictionary<string, string> { ["identifiant"] = identifier };
            await mail.SendAsync(new OutgoingMail(
                email,
                context.Texts.Get(SystemTexts.IdentifierMailSubject).Web,
                context.Texts.Get(SystemTexts.IdentifierMailBody).Format(values).Web,
                null,
                Name), cancellationToken);
        }

        return "traite";
    }
}
