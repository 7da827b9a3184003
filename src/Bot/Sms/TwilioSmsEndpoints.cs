using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Site;

namespace SupportBot.Bot.Sms;

/// <summary>
/// Twilio's incoming-message webhook: form-encoded POST, signed with X-Twilio-Signature, answered with TwiML.
/// https://www.twilio.com/docs/messaging/guides/webhook-request
/// </summary>
internal static partial class TwilioSmsEndpoints
{
    public const string Path = "/api/sms/twilio";
    private const int MaxFormBytes = 32 * 1024;

    // Twilio posts about 20 parameters, and up to 10 media URLs with their types.
    private const int MaxFormFields = 64;

    public static IEndpointRouteBuilder MapTwilioSms(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync);
        app.MapTwilioStatus();
        return app;
    }

    private static async Task<ContentHttpResult> ReceiveAsync(HttpContext context, IOptions<TwilioOptions> options,
        TwilioSmsTurns turns, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var posted = await PostedForm.ReadAsync(context.Request, MaxFormBytes, MaxFormFields, cancellationToken);
        if (posted.Form is not { } form)
        {
            return TypedResults.Text(posted.Problem, statusCode: posted.Status);
        }

        if (!TwilioSignature.IsSigned(context.Request, form, options.Value, out var url))
        {
            LogRejected(loggers.CreateLogger(typeof(TwilioSmsEndpoints).FullName!), url);
            return TypedResults.Text("Invalid or missing X-Twilio-Signature.", statusCode: 403);
        }

        var (sms, problem) = TwilioSmsAdapter.Read(form, options.Value.MaxBodyLength);
        if (sms is null)
        {
            return TypedResults.Text(problem, statusCode: 400);
        }

        if (await turns.AnswerAsync(sms, cancellationToken) is not { } twiml)
        {
            context.Response.Headers.RetryAfter = "5";
            return TypedResults.Text($"MessageSid {sms.Sid} is still being answered; retry later.", statusCode: 503);
        }

        return TypedResults.Text(twiml, TwiML.ContentType);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Twilio webhook refused: bad signature for {Url}")]
    private static partial void LogRejected(ILogger logger, string url);
}
