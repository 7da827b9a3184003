using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.SiecleMigration;

internal sealed class SiecleMigrationRunEntityTypeConfiguration : IEntityTypeConfiguration<SiecleMigrationRun>
{
    public void Configure(EntityTypeBuilder<SiecleMigrationRun> builder)
    {
        builder.ToTable("SiecleMigrationRuns");
        builder.Property(r => r.InputFingerprint).HasMaxLength(64).IsUnicode(false);
    }
}
