using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Channels;
using SupportBot.AccountDirectory.Privacy;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Conversations;

namespace SupportBot.Bot.Sms;

/// <summary>
/// One SMS turn: Twilio's retries answered once (<see cref="SmsMessageClaims"/>), the French carrier keywords honoured
/// (STOP records the opt-out, START lifts it, AIDE shows the menu; an opted-out number gets no answer), otherwise the
/// parent's text handed to the bot; the TwiML answered is stored with the message, for the retries to replay.
/// </summary>
internal sealed partial class TwilioSmsTurns(IDbContextFactory<DirectoryDbContext> factory, IConversationBot bot, ISmsSystemTexts texts,
    CaseLinks links, TimeProvider time, IOptions<TwilioOptions> options, ILogger<TwilioSmsTurns> logger)
{
    /// <summary>The TwiML to answer; null while the same MessageSid is still being answered by another request.</summary>
    public async Task<string?> AnswerAsync(IncomingSms sms, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // The number is kept as a keyed hash, never in clear: the row only serves Twilio's retries (and counts per sender).
        var received = new SmsMessage { MessageSid = sms.Sid, From = links.RequesterKey("sms-from", sms.From)!, ReceivedAt = time.GetUtcNow() };
        var claim = await SmsMessageClaims.ClaimOrAwaitAsync(db, received, TimeSpan.FromSeconds(options.Value.RetryWaitSeconds), cancellationToken);
        if (!claim.Claimed)
        {
            // Twilio retried (timeout on its side, or twice at once): answer what was answered, never run the turn twice.
            return claim.Answer;
        }

        try
        {
            received.ResponseTwiml = TwiML.Message(await ReplyAsync(db, sms, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await SmsMessageClaims.ReleaseAsync(factory, sms.Sid);
            throw;
        }

        LogAnswered(logger, Mask.Phone(sms.From), sms.Sid);
        return received.ResponseTwiml;
    }

    /// <summary>
    /// One conversation per number, named by a keyed hash of it: the conversation id reaches logs and the state's keys,
    /// the number itself only the activity's sender (to reach the parent about a case).
    /// </summary>
    internal static string Conversation(CaseLinks links, string from) => "sms:" + links.RequesterKey("sms", from);

    /// <summary>The SMS text to answer, null for none; the opt-out's change is left for the caller's save.</summary>
    private async Task<string?> ReplyAsync(DirectoryDbContext db, IncomingSms sms, CancellationToken cancellationToken)
    {
        var optedOut = await db.SmsOptOuts.FirstOrDefaultAsync(o => o.Phone == sms.From, cancellationToken);
        switch (SmsKeywords.Parse(sms.Body))
        {
            case SmsKeyword.Stop when optedOut is null:
                db.SmsOptOuts.Add(new SmsOptOut { Phone = sms.From, OptedOutAt = time.GetUtcNow() });
                return SmsText.ToGsmFriendly(texts.StopConfirmation);
            case SmsKeyword.Stop:
                return null;
            case SmsKeyword.Start:
                if (optedOut is not null)
                {
                    db.SmsOptOuts.Remove(optedOut);
                }

                return await TurnAsync(sms, "menu", cancellationToken);
            case var _ when optedOut is not null:
                return null;
            case SmsKeyword.Help:
                return await TurnAsync(sms, "menu", cancellationToken);
            default:
                return await TurnAsync(sms, sms.Body, cancellationToken);
        }
    }

    private async Task<string> TurnAsync(IncomingSms sms, string text, CancellationToken cancellationToken)
    {
        var activity = TwilioSmsAdapter.ToActivity(sms, Conversation(links, sms.From), text);
        return TwilioSmsAdapter.ReplyText(await bot.ProcessAsync(activity, cancellationToken));
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "SMS {MessageSid} from {From} answered")]
    private static partial void LogAnswered(ILogger logger, string from, string messageSid);
}
