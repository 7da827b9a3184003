using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Channels;

internal sealed class ChannelConversationEntityTypeConfiguration : IEntityTypeConfiguration<ChannelConversation>
{
    public void Configure(EntityTypeBuilder<ChannelConversation> builder)
    {
        builder.ToTable("ChannelConversations");
        builder.Property(c => c.Id).HasMaxLength(64).IsUnicode(false);
        builder.Property(c => c.ChannelId).HasMaxLength(32).IsUnicode(false);
        builder.Property(c => c.UserId).HasMaxLength(64);
        builder.HasIndex(c => c.CreatedAt);
    }
}
