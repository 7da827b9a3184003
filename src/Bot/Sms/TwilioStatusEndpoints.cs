using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Site;

namespace SupportBot.Bot.Sms;

/// <summary>
/// Twilio's delivery status callback for the messages <see cref="TwilioSmsSender"/> sent: form-encoded POST signed like
/// the webhook, recorded by <see cref="SmsDeliveryStatuses"/>.
/// https://www.twilio.com/docs/messaging/guides/track-outbound-message-status
/// </summary>
internal static partial class TwilioStatusEndpoints
{
    public const string Path = TwilioSmsEndpoints.Path + "/statut";
    private const int MaxFormBytes = 16 * 1024;
    private const int MaxFormFields = 32;

    public static IEndpointRouteBuilder MapTwilioStatus(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync);
        return app;
    }

    private static async Task<Results<NoContent, ContentHttpResult>> ReceiveAsync(HttpContext context, IOptions<TwilioOptions> options,
        SmsDeliveryStatuses statuses, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var posted = await PostedForm.ReadAsync(context.Request, MaxFormBytes, MaxFormFields, cancellationToken);
        if (posted.Form is not { } form)
        {
            return TypedResults.Text(posted.Problem, statusCode: posted.Status);
        }

        if (!TwilioSignature.IsSigned(context.Request, form, options.Value, out var url))
        {
            LogRejected(loggers.CreateLogger(typeof(TwilioStatusEndpoints).FullName!), url);
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

        await statuses.RecordAsync(sid, status, error, form["To"].FirstOrDefault(), cancellationToken);
        return TypedResults.NoContent();
    }

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Twilio status callback refused: bad signature for {Url}")]
    private static partial void LogRejected(ILogger logger, string url);
}
