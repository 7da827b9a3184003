using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Mail;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Bot.Cases;

namespace SupportBot.Bot.Workspace;

/// <summary>
/// New workspace links asked from /directeur/lien and /academie/lien, mailed in the background: the page answers the
/// same, in the same time, whether or not the UAI is a school's (the look-up and the mail happen after the answer). A
/// mailbox gets at most <see cref="LinksPerHour"/> such mails an hour, so the form cannot flood a school.
/// </summary>
internal sealed partial class WorkspaceLinkMailer(IDbContextFactory<DirectoryDbContext> factory, CaseMails mails, IMailSender sender,
    TimeProvider time, ILogger<WorkspaceLinkMailer> logger) : BackgroundService
{
    public const int LinksPerHour = 3;

    // Requests beyond this wait list are dropped (the form is rate-limited per address long before).
    private readonly Channel<string?> _requests = Channel.CreateBounded<string?>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly SemaphoreSlim _sending = new(1, 1);

    /// <summary>Queues a link for the school <paramref name="uai"/> (null: the académie). Never says whether it exists.</summary>
    public void Request(string? uai) => _requests.Writer.TryWrite(uai);

    /// <summary>Sends what is queued, one request after the other (the hourly count is read, then written); returns how many mails left.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            var sent = 0;
            while (_requests.Reader.TryRead(out var uai))
            {
                if (await SendAsync(uai, cancellationToken))
                {
                    sent++;
                }
            }

            return sent;
        }
        finally
        {
            _sending.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _requests.Reader.WaitToReadAsync(stoppingToken))
            {
                try
                {
                    await DrainAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> SendAsync(string? uai, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        School? school = null;
        if (uai is not null)
        {
            school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Uai == uai && s.ClosedAt == null, cancellationToken);
            if (school is null)
            {
                return false;
            }
        }

        var scope = school is null ? "academie" : "ecole:" + school.Uai;
        var hourAgo = time.GetUtcNow() - TimeSpan.FromHours(1);
        if (await db.SentMails.CountAsync(m => m.Scope == scope && m.Purpose == CaseMails.LinkPurpose && m.SentAt > hourAgo, cancellationToken) >= LinksPerHour)
        {
            LogCapped(logger, scope);
            return false;
        }

        if (mails.Link(school) is not { } mail)
        {
            return false;
        }

        await sender.SendAsync(mail, cancellationToken);
        db.SentMails.Add(new SentMail { Scope = scope, Purpose = mail.Purpose, SentAt = time.GetUtcNow() });
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    [LoggerMessage(EventId = 4030, Level = LogLevel.Information, Message = "Workspace link for {Scope} not sent: {Scope} received as many as allowed this hour")]
    private static partial void LogCapped(ILogger logger, string scope);

    [LoggerMessage(EventId = 4031, Level = LogLevel.Error, Message = "Sending a workspace link failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
