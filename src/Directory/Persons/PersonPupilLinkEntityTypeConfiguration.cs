using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Persons;

internal sealed class PersonPupilLinkEntityTypeConfiguration : IEntityTypeConfiguration<PersonPupilLink>
{
    public void Configure(EntityTypeBuilder<PersonPupilLink> builder)
    {
        builder.ToTable("PersonPupilLinks");
        builder.HasKey(l => new { l.PersonId, l.PupilId });
        builder.Property(l => l.Level).HasConversion<int>();
        builder.Property(l => l.RelationshipCode).HasMaxLength(4).IsUnicode(false);
        builder.HasOne(l => l.Person).WithMany(p => p.Pupils).HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Pupil).WithMany(p => p.Responsables).HasForeignKey(l => l.PupilId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.PupilId);
    }
}
