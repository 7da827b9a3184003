using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Mail;
using SupportBot.Bot.Dialogs.Actions;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Mail;

/// <summary><c>envoyer-identifiant</c>: the identifier of every account whose confirmed address is the target, to that address.</summary>
internal sealed class IdentifierMailComposer(DialogCatalog catalog) : IQueuedMailComposer
{
    // The same rule as AccountService.FindByConfirmedEmailAsync, read-only and compiled once (tracking entities nobody
    // changes more than doubled the cost of this query when it ran in the turn: bench `turns`).
    private static readonly Func<DirectoryDbContext, string, IAsyncEnumerable<(string Identifier, string Email)>> Confirmed =
        EF.CompileAsyncQuery((DirectoryDbContext db, string email) => db.Accounts.AsNoTracking()
            .Where(a => a.Email == email && a.EmailConfirmed)
            .OrderBy(a => a.Id)
            .Select(a => ValueTuple.Create(a.Identifier, a.Email!)));

    public string Purpose => SendIdentifierAction.ActionName;

    public async Task<IReadOnlyList<OutgoingMail>> ComposeAsync(string target, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DirectoryDbContext>();
        var texts = catalog.Texts;
        var mails = new List<OutgoingMail>();
        await foreach (var (identifier, email) in Confirmed(db, target).WithCancellation(cancellationToken))
        {
            var values = new Dictionary<string, string> { ["identifiant"] = identifier };
            mails.Add(new OutgoingMail(
                email,
                texts.Get(SystemTexts.IdentifierMailSubject).Web,
                texts.Get(SystemTexts.IdentifierMailBody).Format(values).Web,
                null,
                Purpose));
        }

        return mails;
    }
}
