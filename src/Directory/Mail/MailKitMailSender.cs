using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;
using SupportBot.AccountDirectory.Privacy;
using SupportBot.AccountDirectory.Validation;

namespace SupportBot.AccountDirectory.Mail;

/// <summary>Builds French plain-text + HTML messages with MimeKit and delivers them by SMTP or to a pickup folder.</summary>
internal sealed partial class MailKitMailSender(IOptions<MailOptions> options, TimeProvider time, ILogger<MailKitMailSender> logger) : IMailSender
{
    public async Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var message = Build(mail, settings);
        switch (settings.Mode)
        {
            case MailMode.Pickup:
                await WritePickupAsync(message, settings.PickupDirectory!, cancellationToken);
                break;
            case MailMode.Smtp:
                await SendSmtpAsync(message, settings.Smtp, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Mail:Mode « {settings.Mode} » is not supported (Pickup or Smtp).");
        }

        var messageId = message.MessageId ?? "";
        LogSent(logger, mail.Purpose, Mask.Email(mail.To), settings.Mode, messageId);
        return messageId;
    }

    private MimeMessage Build(OutgoingMail mail, MailOptions settings)
    {
        if (!EmailAddresses.TryNormalize(mail.To, out var to))
        {
            throw new DirectoryValidationException("To", $"« {Mask.Email(mail.To)} » n'est pas une adresse électronique valide.");
        }

        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = time.GetUtcNow(),
            MessageId = MimeUtils.GenerateMessageId(MailboxAddress.Parse(settings.FromAddress).Domain),
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("Content-Language", "fr");
        message.Headers.Add("X-SupportBot-Purpose", mail.Purpose);
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }

    private static async Task WritePickupAsync(MimeMessage message, string directory, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(directory);
        var name = $"{message.Date.UtcDateTime:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(directory, "." + name + ".tmp");

        // Written aside then renamed, so a reader of the folder never sees half a message.
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(directory, name));
    }

    private static async Task SendSmtpAsync(MimeMessage message, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new InvalidOperationException("Mail:Smtp:Host is required when Mail:Mode is Smtp.");
        }

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Mail {Purpose} sent to {To} ({Mode}), Message-Id {MessageId}")]
    private static partial void LogSent(ILogger logger, string purpose, string to, MailMode mode, string messageId);
}
