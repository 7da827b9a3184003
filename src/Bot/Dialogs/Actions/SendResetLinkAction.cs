using SupportBot.AccountDirectory.Mail;
using SupportBot.AccountDirectory.Privacy;

namespace SupportBot.Bot.Dialogs.Actions;

/// <summary>
/// <c>envoyer-lien</c>: asks the mail worker to mail a single-use link to the reset page for the account found by the
/// value <c>identifiant</c> (if it is activated with a confirmed address). The turn only queues the request: the same
/// work and the same outcome (<c>traite</c>) whatever the identifier, so the dialog cannot tell.
/// </summary>
internal sealed class SendResetLinkAction(LookupLimiter limiter, MailQueue queue) : IDialogAction
{
    public const string ActionName = "envoyer-lien";

    public const string ResetPath = "/motdepasse/reinitialiser";

    public string Name => ActionName;

    public IReadOnlySet<string> Outcomes { get; } = new HashSet<string> { "traite", "limite" };

    public IReadOnlySet<string> Parameters { get; } = new HashSet<string>();

    public async Task<string> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var identifier = context.Value("identifiant") ?? throw new InvalidOperationException($"{context.Position}: no value « identifiant » to look up.");
        if (!await limiter.TryConsumeAsync(context.Turn, "identifiant", identifier.Trim().ToLowerInvariant(), cancellationToken))
        {
            return "limite";
        }

        // As AccountService.FindByIdentifierAsync reads it.
        var key = identifier.Trim().ToLowerInvariant();
        if (key.Length is > 0 and <= MailQueue.MaxTargetLength)
        {
            await queue.EnqueueAsync(Name, key, Mask.Identifier(key), cancellationToken);
        }

        return "traite";
    }
}
