using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Channels;

internal sealed class MisunderstoodMessageEntityTypeConfiguration : IEntityTypeConfiguration<MisunderstoodMessage>
{
    public void Configure(EntityTypeBuilder<MisunderstoodMessage> builder)
    {
        builder.ToTable("MisunderstoodMessages");
        builder.Property(m => m.Channel).HasMaxLength(32).IsUnicode(false);
        builder.Property(m => m.Text).HasMaxLength(MisunderstoodMessage.MaxLength);
        builder.HasIndex(m => m.At);
    }
}
