using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Channels;
using SupportBot.AccountDirectory.Privacy;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace SupportBot.Bot.Sms;

internal enum SmsSendOutcome
{
    Sent,
    WrittenToOutbox,
    OptedOut,
}

/// <summary>
/// Messages that are not replies (a director resolved the parent's case): Twilio's REST Messages API through Twilio's
/// own client, or the outbox folder when no credentials are configured. Numbers that sent STOP get nothing. Each message
/// sent is recorded (<see cref="SmsDelivery"/>) and asks Twilio for its delivery status at
/// <see cref="TwilioStatusEndpoints.Path"/> under <see cref="TwilioOptions.PublicBaseUrl"/>; a failure surfaces as
/// Twilio's <see cref="Twilio.Exceptions.ApiException"/> (status and error code).
/// </summary>
internal sealed partial class TwilioSmsSender(System.Net.Http.HttpClient http, IOptions<TwilioOptions> options, IDbContextFactory<DirectoryDbContext> factory,
    TimeProvider time, ILogger<TwilioSmsSender> logger)
{
    public async Task<SmsSendOutcome> SendAsync(string to, string text, CancellationToken cancellationToken = default, int? caseId = null)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.SmsOptOuts.AnyAsync(o => o.Phone == to, cancellationToken))
            {
                return SmsSendOutcome.OptedOut;
            }
        }

        var settings = options.Value;
        var body = SmsText.ToGsmFriendly(text);
        if (string.IsNullOrEmpty(settings.AccountSid) || string.IsNullOrEmpty(settings.AuthToken))
        {
            System.IO.Directory.CreateDirectory(settings.OutboxDirectory!);
            var name = $"sms-{time.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.json";
            var json = JsonSerializer.Serialize(new { to, from = settings.FromNumber, body });
            var temporary = Path.Combine(settings.OutboxDirectory!, "." + name + ".tmp");
            await File.WriteAllTextAsync(temporary, json, cancellationToken);
            File.Move(temporary, Path.Combine(settings.OutboxDirectory!, name));
            LogOutbox(logger, Mask.Phone(to));
            return SmsSendOutcome.WrittenToOutbox;
        }

        // The library's client over this typed HttpClient, whose handler sends api.twilio.com's calls to ApiBaseUrl.
        var client = new TwilioRestClient(settings.AccountSid, settings.AuthToken, httpClient: new SystemNetHttpClient(http));
        var message = new CreateMessageOptions(new PhoneNumber(to)) { From = new PhoneNumber(settings.FromNumber ?? ""), Body = body };
        if (!string.IsNullOrWhiteSpace(settings.PublicBaseUrl))
        {
            // Without a public address Twilio could not reach us: no callback asked for, the message is only sent.
            message.StatusCallback = new Uri(settings.PublicBaseUrl.TrimEnd('/') + TwilioStatusEndpoints.Path);
        }

        // Not cancellable past this point in Twilio's client: it takes no token.
        var created = await MessageResource.CreateAsync(message, client);
        await using (var db = await factory.CreateDbContextAsync(CancellationToken.None))
        {
            db.SmsDeliveries.Add(new SmsDelivery
            {
                MessageSid = created.Sid,
                DirectorCaseId = caseId,
                SentAt = time.GetUtcNow(),
                Status = created.Status?.ToString() ?? "queued",
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }

        LogSent(logger, Mask.Phone(to), created.Sid);
        return SmsSendOutcome.Sent;
    }

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "SMS to {To} sent through Twilio, sid {Sid}")]
    private static partial void LogSent(ILogger logger, string to, string sid);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "SMS to {To} written to the outbox (no Twilio credentials)")]
    private static partial void LogOutbox(ILogger logger, string to);
}
