using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Channels;

internal sealed class SmsOptOutEntityTypeConfiguration : IEntityTypeConfiguration<SmsOptOut>
{
    public void Configure(EntityTypeBuilder<SmsOptOut> builder)
    {
        builder.ToTable("SmsOptOuts");
        builder.HasKey(o => o.Phone);
        builder.Property(o => o.Phone).HasMaxLength(32).IsUnicode(false);
    }
}
