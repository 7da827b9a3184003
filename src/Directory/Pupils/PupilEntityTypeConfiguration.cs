using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Pupils;

internal sealed class PupilEntityTypeConfiguration : IEntityTypeConfiguration<Pupil>
{
    public void Configure(EntityTypeBuilder<Pupil> builder)
    {
        builder.ToTable("Pupils");
        builder.Property(p => p.SiecleEleveId).HasMaxLength(20).IsUnicode(false);
        builder.Property(p => p.Ine).HasMaxLength(11).IsUnicode(false);
        builder.Property(p => p.FamilyName).HasMaxLength(100);
        builder.Property(p => p.UsageName).HasMaxLength(100);
        builder.Property(p => p.FirstNames).HasMaxLength(150);
        builder.Property(p => p.ClassName).HasMaxLength(40);
        builder.HasOne(p => p.School).WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Restrict);

        // ELEVE_ID is unique per établissement export, not nationally.
        builder.HasIndex(p => new { p.SchoolId, p.SiecleEleveId }).IsUnique();
        builder.HasIndex(p => p.Ine);
    }
}
