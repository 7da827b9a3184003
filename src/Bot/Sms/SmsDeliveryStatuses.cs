using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Privacy;

namespace SupportBot.Bot.Sms;

/// <summary>
/// What Twilio says became of a message <see cref="TwilioSmsSender"/> sent, recorded on its
/// <see cref="AccountDirectory.Channels.SmsDelivery"/>. A message Twilio could not deliver is logged for operators
/// (masked number, sid) and, for a case, shown in its history to the director.
/// </summary>
internal sealed partial class SmsDeliveryStatuses(IDbContextFactory<DirectoryDbContext> factory, TimeProvider time, ILogger<SmsDeliveryStatuses> logger)
{
    private static readonly string[] Final = ["delivered", "undelivered", "failed", "read", "canceled"];
    private static readonly string[] NotDelivered = ["undelivered", "failed"];

    /// <param name="to">The number the message went to, for the log (masked).</param>
    public async Task RecordAsync(string sid, string status, int? error, string? to, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var delivery = await db.SmsDeliveries.FirstOrDefaultAsync(d => d.MessageSid == sid, cancellationToken);
        // Callbacks may arrive out of order: a final status (delivered, failed...) is never replaced by an earlier one.
        if (delivery is null || (Final.Contains(delivery.Status) && !Final.Contains(status)) || delivery.Status == status)
        {
            return;
        }

        var now = time.GetUtcNow();
        delivery.Status = status;
        delivery.ErrorCode = error;
        delivery.StatusAt = now;
        if (NotDelivered.Contains(status))
        {
            LogNotDelivered(logger, Mask.Phone(to ?? ""), sid, status, error);
            if (delivery.DirectorCaseId is { } caseId)
            {
                db.DirectorCaseEvents.Add(new DirectorCaseEvent
                {
                    DirectorCaseId = caseId, At = now, Type = DirectorCaseEventType.SmsNotDelivered, Note = error?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "SMS to {To} not delivered: Twilio says {Status}, error {ErrorCode}, sid {Sid}")]
    private static partial void LogNotDelivered(ILogger logger, string to, string sid, string status, int? errorCode);
}
