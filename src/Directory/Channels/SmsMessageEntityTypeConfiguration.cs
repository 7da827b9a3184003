using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Channels;

internal sealed class SmsMessageEntityTypeConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> builder)
    {
        builder.ToTable("SmsMessages");
        builder.HasKey(m => m.MessageSid);
        builder.Property(m => m.MessageSid).HasMaxLength(64).IsUnicode(false);
        builder.Property(m => m.From).HasMaxLength(32).IsUnicode(false);
        builder.HasIndex(m => new { m.From, m.ReceivedAt });
        builder.HasIndex(m => m.ReceivedAt);
    }
}
