using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Channels;
using SupportBot.AccountDirectory.Data;
using SupportBot.AccountDirectory.Privacy;
using SupportBot.AccountDirectory.Validation;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Conversations;
using SupportBot.Bot.Site;

namespace SupportBot.Bot.Sms;

/// <summary>
/// Twilio's incoming-message webhook: form-encoded POST, signed with X-Twilio-Signature, answered with TwiML.
/// https://www.twilio.com/docs/messaging/guides/webhook-request
/// </summary>
internal static partial class TwilioSmsEndpoints
{
    public const string Path = "/api/sms/twilio";
    public const string ChannelId = "sms";
    private const int MaxFormBytes = 32 * 1024;

    // Twilio posts about 20 parameters, and up to 10 media URLs with their types.
    private const int MaxFormFields = 64;
    private const int MaxSidLength = 64;
    private const int MaxFromLength = 32;

    public static IServiceCollection AddTwilioSms(this IServiceCollection services)
    {
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section)
            .Configure<IOptions<DataOptions>>((o, data) => o.OutboxDirectory = data.Value.Resolve(o.OutboxDirectory, "outbox"))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<TwilioApiBaseUrlHandler>();
        services.AddHttpClient<TwilioSmsSender>().AddHttpMessageHandler<TwilioApiBaseUrlHandler>();
        services.AddSingleton<CaseResolvedSmsService>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseResolvedSmsService>());
        return services;
    }

    public static IEndpointRouteBuilder MapTwilioSms(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync);
        app.MapTwilioStatus();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, IOptions<TwilioOptions> options, IDbContextFactory<DirectoryDbContext> factory,
        IConversationBot bot, ISmsSystemTexts texts, CaseLinks links, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TwilioSmsEndpoints).FullName!);
        var request = context.Request;
        var posted = await PostedForm.ReadAsync(request, MaxFormBytes, MaxFormFields, cancellationToken);
        if (posted.Form is not { } form)
        {
            return TypedResults.Text(posted.Problem, statusCode: posted.Status);
        }

        var settings = options.Value;
        var url = TwilioSignature.PublicUrl(request, settings.PublicBaseUrl);
        if (!TwilioSignature.IsValid(settings.AuthToken ?? "", url, form, request.Headers[TwilioSignature.Header].FirstOrDefault()))
        {
            LogRejected(logger, url);
            return TypedResults.Text("Invalid or missing X-Twilio-Signature.", statusCode: 403);
        }

        var sid = form["MessageSid"].FirstOrDefault();
        var fromRaw = form["From"].FirstOrDefault();
        var body = form["Body"].FirstOrDefault();
        if (string.IsNullOrEmpty(sid) || string.IsNullOrEmpty(fromRaw) || body is null)
        {
            return TypedResults.Text("MessageSid, From and Body are required.", statusCode: 400);
        }

        if (body.Length > settings.MaxBodyLength)
        {
            return TypedResults.Text($"Body is longer than {settings.MaxBodyLength} characters.", statusCode: 400);
        }

        var from = MobilePhones.TryNormalize(fromRaw, out var e164) ? e164 : fromRaw.Trim();
        if (sid.Length > MaxSidLength || from.Length is 0 or > MaxFromLength)
        {
            // Twilio's are 34 and at most 16 characters; the columns hold 64 and 32.
            return TypedResults.Text($"MessageSid is at most {MaxSidLength} characters, From 1 to {MaxFromLength}.", statusCode: 400);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // The number is kept as a keyed hash, never in clear: the row only serves Twilio's retries (and counts per sender).
        var received = new SmsMessage { MessageSid = sid, From = links.RequesterKey("sms-from", from)!, ReceivedAt = time.GetUtcNow() };
        var claim = await SmsMessageClaims.ClaimOrAwaitAsync(db, received, TimeSpan.FromSeconds(settings.RetryWaitSeconds), cancellationToken);
        if (claim.Answer is not null)
        {
            // Twilio retried (timeout on its side, or twice at once): answer what was answered, never run the turn twice.
            return Twiml(claim.Answer);
        }

        if (!claim.Claimed)
        {
            context.Response.Headers.RetryAfter = "5";
            return TypedResults.Text($"MessageSid {sid} is still being answered; retry later.", statusCode: 503);
        }

        var conversation = Conversation(links, from);
        string twiml;
        try
        {
            var optedOut = await db.SmsOptOuts.FirstOrDefaultAsync(o => o.Phone == from, cancellationToken);
            switch (SmsKeywords.Parse(body))
            {
                case SmsKeyword.Stop:
                    if (optedOut is null)
                    {
                        db.SmsOptOuts.Add(new SmsOptOut { Phone = from, OptedOutAt = time.GetUtcNow() });
                        twiml = TwiML.Message(SmsText.ToGsmFriendly(texts.StopConfirmation));
                    }
                    else
                    {
                        twiml = TwiML.Message(null);
                    }

                    break;
                case SmsKeyword.Start:
                    if (optedOut is not null)
                    {
                        db.SmsOptOuts.Remove(optedOut);
                    }

                    twiml = TwiML.Message(await TurnAsync(bot, from, conversation, sid, "menu", cancellationToken));
                    break;
                case var _ when optedOut is not null:
                    twiml = TwiML.Message(null);
                    break;
                case SmsKeyword.Help:
                    twiml = TwiML.Message(await TurnAsync(bot, from, conversation, sid, "menu", cancellationToken));
                    break;
                default:
                    twiml = TwiML.Message(await TurnAsync(bot, from, conversation, sid, body, cancellationToken));
                    break;
            }

            received.ResponseTwiml = twiml;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await SmsMessageClaims.ReleaseAsync(factory, sid);
            throw;
        }

        LogAnswered(logger, Mask.Phone(from), sid);
        return Twiml(twiml);
    }

    private static async Task<string> TurnAsync(IConversationBot bot, string from, string conversation, string sid, string text, CancellationToken cancellationToken)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = sid,
            ["channelId"] = ChannelId,
            ["conversation"] = new JsonObject { ["id"] = conversation },
            ["from"] = new JsonObject { ["id"] = from, ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "supportbot", ["role"] = "bot" },
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "fr-FR",
        };
        var replies = await bot.ProcessAsync(activity, cancellationToken);
        var texts = replies
            .Where(r => r["type"]?.GetValue<string>() == "message")
            .Select(r => r["text"]?.GetValue<string>())
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => SmsText.ToGsmFriendly(t!.Trim()));
        return string.Join("\n\n", texts);
    }

    /// <summary>
    /// One conversation per number, named by a keyed hash of it: the conversation id reaches logs and the state's keys,
    /// the number itself only the activity's sender (to reach the parent about a case).
    /// </summary>
    internal static string Conversation(CaseLinks links, string from) => "sms:" + links.RequesterKey("sms", from);

    private static IResult Twiml(string twiml) => TypedResults.Text(twiml, TwiML.ContentType);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Twilio webhook refused: bad signature for {Url}")]
    private static partial void LogRejected(ILogger logger, string url);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "SMS {MessageSid} from {From} answered")]
    private static partial void LogAnswered(ILogger logger, string from, string messageSid);
}
