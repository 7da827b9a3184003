using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Limits;

internal sealed class RateLimitCounterEntityTypeConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> builder)
    {
        builder.ToTable("RateLimitCounters");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(80).IsUnicode(false);
        builder.HasIndex(c => c.WindowEndMs);
    }
}
