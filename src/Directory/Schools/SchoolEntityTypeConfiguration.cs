using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Schools;

internal sealed class SchoolEntityTypeConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> builder)
    {
        builder.ToTable("Schools");
        builder.Property(s => s.Uai).HasMaxLength(8).IsUnicode(false);
        builder.HasIndex(s => s.Uai).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Commune).HasMaxLength(120);
        builder.Property(s => s.PostalCode).HasMaxLength(10).IsUnicode(false);
        builder.Property(s => s.Sector).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(s => s.Circonscription).HasMaxLength(200);
        builder.Property(s => s.OfficialEmail).HasMaxLength(254);
        builder.Property(s => s.DirectorName).HasMaxLength(200);
        builder.Property(s => s.DirectorEmail).HasMaxLength(254);
        builder.Ignore(s => s.DirectorMailbox);
        builder.Ignore(s => s.IsOpen);
    }
}
