using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.DialogState;

internal sealed class ConversationStateRecordEntityTypeConfiguration : IEntityTypeConfiguration<ConversationStateRecord>
{
    public void Configure(EntityTypeBuilder<ConversationStateRecord> builder)
    {
        builder.ToTable("ConversationStates");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(200);
        builder.Property(s => s.ETag).HasMaxLength(32).IsUnicode(false).IsConcurrencyToken();
        builder.Property(s => s.LeaseOwner).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(s => s.UpdatedAt);
    }
}
