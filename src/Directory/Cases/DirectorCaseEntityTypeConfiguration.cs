using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportBot.AccountDirectory.Cases;

internal sealed class DirectorCaseEntityTypeConfiguration : IEntityTypeConfiguration<DirectorCase>
{
    public void Configure(EntityTypeBuilder<DirectorCase> builder)
    {
        builder.ToTable("DirectorCases");
        builder.Property(c => c.Reference).HasMaxLength(12).IsUnicode(false);
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.HasIndex(c => new { c.SchoolId, c.Status });

        // The bot polls recently resolved cases to text the parent.
        builder.HasIndex(c => new { c.Status, c.ResolvedAt });
        builder.Property(c => c.Channel).HasMaxLength(32).IsUnicode(false);
        builder.Property(c => c.ChannelAddress).HasMaxLength(64);
        builder.Property(c => c.SchoolGiven).HasMaxLength(200);
        builder.Property(c => c.PupilGiven).HasMaxLength(200);
        builder.Property(c => c.ResponsableGiven).HasMaxLength(200);
        builder.Property(c => c.PhoneGiven).HasMaxLength(16).IsUnicode(false);
        builder.Property(c => c.EmailGiven).HasMaxLength(254);
        builder.Property(c => c.IdentifierGiven).HasMaxLength(64);
        builder.Property(c => c.FreeText).HasMaxLength(2000);
        builder.Property(c => c.ContactEmail).HasMaxLength(254);
        builder.Property(c => c.ContactPhone).HasMaxLength(16).IsUnicode(false);
        builder.Property(c => c.DirectorMessage).HasMaxLength(300);
        foreach (var key in new[] { nameof(DirectorCase.ConversationKey), nameof(DirectorCase.SenderKey), nameof(DirectorCase.ClientKey) })
        {
            builder.Property(key).HasMaxLength(32).IsUnicode(false);
            builder.HasIndex(key, nameof(DirectorCase.CreatedAt));
        }

        // The mail dispatcher looks for cases whose destination is still to be mailed.
        builder.HasIndex(c => c.DestinationMailedAt);
        builder.HasOne(c => c.School).WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.SetNull);
    }
}
