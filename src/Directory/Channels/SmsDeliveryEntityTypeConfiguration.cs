using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportBot.AccountDirectory.Cases;

namespace SupportBot.AccountDirectory.Channels;

internal sealed class SmsDeliveryEntityTypeConfiguration : IEntityTypeConfiguration<SmsDelivery>
{
    public void Configure(EntityTypeBuilder<SmsDelivery> builder)
    {
        builder.ToTable("SmsDeliveries");
        builder.HasKey(d => d.MessageSid);
        builder.Property(d => d.MessageSid).HasMaxLength(64).IsUnicode(false);
        builder.Property(d => d.Status).HasMaxLength(16).IsUnicode(false);
        // Gone with its case (retention).
        builder.HasOne<DirectorCase>().WithMany().HasForeignKey(d => d.DirectorCaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
