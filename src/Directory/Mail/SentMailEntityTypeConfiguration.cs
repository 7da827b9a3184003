using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Mail;

internal sealed class SentMailEntityTypeConfiguration : IEntityTypeConfiguration<SentMail>
{
    public void Configure(EntityTypeBuilder<SentMail> builder)
    {
        builder.ToTable("SentMails");
        builder.Property(m => m.Scope).HasMaxLength(40).IsUnicode(false);
        builder.Property(m => m.Purpose).HasMaxLength(40).IsUnicode(false);
        builder.HasIndex(m => new { m.Scope, m.SentAt });
    }
}
