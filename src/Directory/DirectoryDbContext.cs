using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Channels;
using SupportBot.AccountDirectory.DialogState;
using SupportBot.AccountDirectory.Limits;
using SupportBot.AccountDirectory.Mail;
using SupportBot.AccountDirectory.Persons;
using SupportBot.AccountDirectory.Pupils;
using SupportBot.AccountDirectory.Schools;
using SupportBot.AccountDirectory.SiecleMigration;

namespace SupportBot.AccountDirectory;

/// <summary>
/// The account directory. One subclass per provider (<see cref="Providers.SqliteDirectoryDbContext"/>,
/// <see cref="Providers.SqlServerDirectoryDbContext"/>) so that each keeps its own migrations, as EF Core recommends:
/// https://learn.microsoft.com/ef/core/managing-schemas/migrations/providers
/// </summary>
public abstract class DirectoryDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<School> Schools => Set<School>();

    public DbSet<Pupil> Pupils => Set<Pupil>();

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<PersonPupilLink> PersonPupilLinks => Set<PersonPupilLink>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<AccountAlias> AccountAliases => Set<AccountAlias>();

    public DbSet<PasswordResetToken> PasswordResetTokens => Set<PasswordResetToken>();

    public DbSet<DirectorCase> DirectorCases => Set<DirectorCase>();

    public DbSet<DirectorCaseEvent> DirectorCaseEvents => Set<DirectorCaseEvent>();

    public DbSet<SentMail> SentMails => Set<SentMail>();

    public DbSet<QueuedMail> QueuedMails => Set<QueuedMail>();

    public DbSet<ChannelConversation> ChannelConversations => Set<ChannelConversation>();

    public DbSet<ChannelActivity> ChannelActivities => Set<ChannelActivity>();

    public DbSet<SmsMessage> SmsMessages => Set<SmsMessage>();

    public DbSet<SmsOptOut> SmsOptOuts => Set<SmsOptOut>();

    public DbSet<SmsDelivery> SmsDeliveries => Set<SmsDelivery>();

    public DbSet<MisunderstoodMessage> MisunderstoodMessages => Set<MisunderstoodMessage>();

    public DbSet<ConversationStateRecord> ConversationStates => Set<ConversationStateRecord>();

    public DbSet<UserStateRecord> UserStates => Set<UserStateRecord>();

    public DbSet<AccountNotification> AccountNotifications => Set<AccountNotification>();

    public DbSet<SiecleMigrationRun> SiecleMigrationRuns => Set<SiecleMigrationRun>();

    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DirectoryDbContext).Assembly);
}
