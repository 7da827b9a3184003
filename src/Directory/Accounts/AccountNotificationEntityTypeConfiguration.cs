using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Accounts;

internal sealed class AccountNotificationEntityTypeConfiguration : IEntityTypeConfiguration<AccountNotification>
{
    public void Configure(EntityTypeBuilder<AccountNotification> builder)
    {
        builder.ToTable("AccountNotifications");

        // Unique: the database itself refuses a second notification of the same account.
        builder.HasIndex(n => n.AccountId).IsUnique();
        builder.Property(n => n.MessageId).HasMaxLength(200).IsUnicode(false);
        builder.HasOne(n => n.Account).WithMany().HasForeignKey(n => n.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
