using SupportBot.AccountDirectory.Mail;

namespace SupportBot.Bench.Turns;

/// <summary>The benchmark measures the engine, not an SMTP server.</summary>
internal sealed class NullMailSender : IMailSender
{
    public Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default) => Task.FromResult("<null@bench>");
}
