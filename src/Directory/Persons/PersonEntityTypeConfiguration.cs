using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Persons;

internal sealed class PersonEntityTypeConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("Persons");
        builder.Property(p => p.SiecleUai).HasMaxLength(8).IsUnicode(false);
        builder.Property(p => p.SiecleId).HasMaxLength(20).IsUnicode(false);
        builder.Property(p => p.Civility).HasMaxLength(10);
        builder.Property(p => p.FamilyName).HasMaxLength(100);
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.MobilePhone).HasMaxLength(16).IsUnicode(false);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.HasIndex(p => new { p.SiecleUai, p.SiecleId }).IsUnique();
        builder.HasIndex(p => p.MobilePhone);
        builder.HasIndex(p => p.AccountId);
        builder.HasOne(p => p.Account).WithMany(a => a.Persons).HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.SetNull);
    }
}
