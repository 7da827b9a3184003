namespace SupportBot.AccountDirectory.Mail;

public interface IMailSender
{
    /// <summary>Sends (or drops in the pickup folder) and returns the Message-Id.</summary>
    Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
