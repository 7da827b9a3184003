using SupportBot.AccountDirectory.Mail;
using SupportBot.AccountDirectory.Privacy;
using SupportBot.AccountDirectory.Validation;

namespace SupportBot.Bot.Dialogs.Actions;

/// <summary>
/// <c>envoyer-identifiant</c>: asks the mail worker to mail the identifier of every account whose confirmed address is
/// the value <c>adresse</c>. The turn only queues the request, the worker looks the accounts up: the turn does the same
/// work and answers the same (<c>traite</c>) whether or not an account matches, so neither its words nor its time tell.
/// </summary>
internal sealed class SendIdentifierAction(LookupLimiter limiter, MailQueue queue) : IDialogAction
{
    public const string ActionName = "envoyer-identifiant";

    public string Name => ActionName;

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

        if (valid && normalized.Length <= MailQueue.MaxTargetLength)
        {
            await queue.EnqueueAsync(Name, normalized, Mask.Email(normalized), cancellationToken);
        }

        return "traite";
    }
}
