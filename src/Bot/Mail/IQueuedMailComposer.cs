using SupportBot.AccountDirectory.Mail;

namespace SupportBot.Bot.Mail;

/// <summary>
/// Writes the mails of one kind of queued request (<see cref="QueuedMail.Purpose"/>). It runs in the mail worker, not
/// in the parent's turn: looking the account up here is what keeps the turn the same whether or not one exists.
/// </summary>
internal interface IQueuedMailComposer
{
    string Purpose { get; }

    /// <summary>The mails to send for <paramref name="target"/>: none when no account matches.</summary>
    /// <param name="services">A scope of the worker's, for the directory's scoped services.</param>
    Task<IReadOnlyList<OutgoingMail>> ComposeAsync(string target, IServiceProvider services, CancellationToken cancellationToken);
}
