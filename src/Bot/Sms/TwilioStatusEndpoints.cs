using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Privacy;
using SupportBot.Bot.Site;

namespace SupportBot.Bot.Sms;

/// <summary>
/// Twilio's delivery status callback for the messages <see cref="TwilioSmsSender"/> sent: form-encoded POST signed like
/// the webhook, recorded on the message's <see cref="AccountDirectory.Channels.SmsDelivery"/>. A message Twilio could not
/// deliver is logged for operators (masked number, sid) and, for a case, shown in its history to the director.
/// https://www.twilio.com/docs/messaging/guides/track-outbound-message-status
/// </summary>
internal static partial class TwilioStatusEndpoints
{
    public const string Path = TwilioSmsEndpoints.Path + "/statut";
    private const int MaxFormBytes = 16 * 1024;
    private const int MaxFormFields = 32;
    private static readonly string[] Final = ["delivered", "undelivered", "failed", "read", "canceled"];
    private static readonly string[] NotDelivered = ["undelivered", "failed"];

    public static IEndpointRouteBuilder MapTwilioStatus(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, IOptions<TwilioOptions> options, IDbContextFactory<DirectoryDbContext> factory,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TwilioStatusEndpoints).FullName!);
        var posted = await PostedForm.ReadAsync(context.Request, MaxFormBytes, MaxFormFields, cancellationToken);
        if (posted.Form is not { } form)
        {
            return TypedResults.Text(posted.Problem, statusCode: posted.Status);
        }

        var url = TwilioSignature.PublicUrl(context.Request, options.Value.PublicBaseUrl);
        if (!TwilioSignature.IsValid(options.Value.AuthToken ?? "", url, form, context.Request.Headers[TwilioSignature.Header].FirstOrDefault()))
        {
            LogRejected(logger, url);
            return TypedResults.Text("Invalid or missing X-Twilio-Signature.", statusCode: 403);
        }

        var sid = form["MessageSid"].FirstOrDefault();
        var status = form["MessageStatus"].FirstOrDefault()?.Trim().ToLowerInvariant();
        var errorText = form["ErrorCode"].FirstOrDefault();
        int? error = int.TryParse(errorText, out var code) ? code : null;
        if (string.IsNullOrEmpty(sid) || string.IsNullOrEmpty(status) || status.Length > 16 || (!string.IsNullOrEmpty(errorText) && error is null))
        {
            return TypedResults.Text("MessageSid and MessageStatus (at most 16 characters) are required; ErrorCode is a number.", statusCode: 400);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var delivery = await db.SmsDeliveries.FirstOrDefaultAsync(d => d.MessageSid == sid, cancellationToken);
        // Callbacks may arrive out of order: a final status (delivered, failed...) is never replaced by an earlier one.
        if (delivery is null || (Final.Contains(delivery.Status) && !Final.Contains(status)) || delivery.Status == status)
        {
            return TypedResults.NoContent();
        }

        var now = time.GetUtcNow();
        delivery.Status = status;
        delivery.ErrorCode = error;
        delivery.StatusAt = now;
        if (NotDelivered.Contains(status))
        {
            LogNotDelivered(logger, Mask.Phone(form["To"].FirstOrDefault() ?? ""), sid, status, error);
            if (delivery.DirectorCaseId is { } caseId)
            {
                db.DirectorCaseEvents.Add(new DirectorCaseEvent
                {
                    DirectorCaseId = caseId, At = now, Type = DirectorCaseEventType.SmsNotDelivered, Note = error?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Twilio status callback refused: bad signature for {Url}")]
    private static partial void LogRejected(ILogger logger, string url);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "SMS to {To} not delivered: Twilio says {Status}, error {ErrorCode}, sid {Sid}")]
    private static partial void LogNotDelivered(ILogger logger, string to, string sid, string status, int? errorCode);
}
