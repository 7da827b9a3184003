using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Channels;

internal sealed class ChannelActivityEntityTypeConfiguration : IEntityTypeConfiguration<ChannelActivity>
{
    public void Configure(EntityTypeBuilder<ChannelActivity> builder)
    {
        builder.ToTable("ChannelActivities");
        builder.Property(a => a.ConversationId).HasMaxLength(64).IsUnicode(false);
        builder.Property(a => a.ActivityId).HasMaxLength(80).IsUnicode(false);
        builder.HasIndex(a => new { a.ConversationId, a.Sequence }).IsUnique();
        builder.HasOne<ChannelConversation>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
