using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.DialogState;

internal sealed class UserStateRecordEntityTypeConfiguration : IEntityTypeConfiguration<UserStateRecord>
{
    public void Configure(EntityTypeBuilder<UserStateRecord> builder)
    {
        builder.ToTable("UserStates");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(200);
        builder.Property(s => s.ETag).HasMaxLength(32).IsUnicode(false).IsConcurrencyToken();
        builder.HasIndex(s => s.UpdatedAt);
    }
}
