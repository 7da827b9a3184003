using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Mail;

internal sealed class QueuedMailEntityTypeConfiguration : IEntityTypeConfiguration<QueuedMail>
{
    public void Configure(EntityTypeBuilder<QueuedMail> builder)
    {
        builder.ToTable("MailQueue");
        builder.Property(m => m.Purpose).HasMaxLength(40).IsUnicode(false);
        builder.Property(m => m.Target).HasMaxLength(MailQueue.MaxTargetLength);
        builder.Property(m => m.MaskedTarget).HasMaxLength(MailQueue.MaxTargetLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(m => m.LastError).HasMaxLength(200);

        // The worker's poll: the pending rows that are due.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
