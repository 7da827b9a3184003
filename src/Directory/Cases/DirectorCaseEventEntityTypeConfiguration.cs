using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Cases;

internal sealed class DirectorCaseEventEntityTypeConfiguration : IEntityTypeConfiguration<DirectorCaseEvent>
{
    public void Configure(EntityTypeBuilder<DirectorCaseEvent> builder)
    {
        builder.ToTable("DirectorCaseEvents");
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasIndex(e => e.DirectorCaseId);
        builder.HasOne<DirectorCase>().WithMany(c => c.Events).HasForeignKey(e => e.DirectorCaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.School).WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.NoAction);
    }
}
