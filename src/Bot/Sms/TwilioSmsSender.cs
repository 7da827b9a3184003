using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Privacy;

namespace SupportBot.Bot.Sms;

internal enum SmsSendOutcome
{
    Sent,
    WrittenToOutbox,
    OptedOut,
}

/// <summary>
/// Messages that are not replies (a director resolved the parent's case): Twilio's REST Messages API
/// (POST {ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json, basic auth), or the outbox folder when no
/// credentials are configured. Numbers that sent STOP get nothing.
/// </summary>
internal sealed partial class TwilioSmsSender(HttpClient http, IOptions<TwilioOptions> options, IDbContextFactory<DirectoryDbContext> factory,
    TimeProvider time, ILogger<TwilioSmsSender> logger)
{
    public async Task<SmsSendOutcome> SendAsync(string to, string text, CancellationToken cancellationToken = default)
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

        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"{settings.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/Messages.json")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["To"] = to,
                ["From"] = settings.FromNumber ?? "",
                ["Body"] = body,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"Twilio refused the message ({(int)response.StatusCode}): {detail}", null, response.StatusCode);
        }

        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        LogSent(logger, Mask.Phone(to), created.RootElement.TryGetProperty("sid", out var sid) ? sid.GetString() ?? "" : "");
        return SmsSendOutcome.Sent;
    }

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "SMS to {To} sent through Twilio, sid {Sid}")]
    private static partial void LogSent(ILogger logger, string to, string sid);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "SMS to {To} written to the outbox (no Twilio credentials)")]
    private static partial void LogOutbox(ILogger logger, string to);
}
