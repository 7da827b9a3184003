using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Accounts;

internal sealed class AccountEntityTypeConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("Accounts");
        builder.Property(a => a.Identifier).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(a => a.Identifier).IsUnique();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        builder.Property(a => a.Origin).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        builder.Property(a => a.Email).HasMaxLength(254);
        builder.HasIndex(a => a.Email);
        builder.Property(a => a.PasswordHash).HasMaxLength(200).IsUnicode(false);
        builder.HasMany(a => a.Aliases).WithOne(x => x.Account).HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
