using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Accounts;

internal sealed class AccountAliasEntityTypeConfiguration : IEntityTypeConfiguration<AccountAlias>
{
    public void Configure(EntityTypeBuilder<AccountAlias> builder)
    {
        builder.ToTable("AccountAliases");
        builder.Property(a => a.Alias).HasMaxLength(64);
        builder.HasIndex(a => a.Alias).IsUnique();
    }
}
