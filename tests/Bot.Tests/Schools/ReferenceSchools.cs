using SupportBot.AccountDirectory.Schools.Annuaire;
using SupportBot.Bot.Schools;
using SupportBot.Testing;

namespace SupportBot.Bot.Tests.Schools;

/// <summary>The index of the schools of the reference extract (Ille-et-Vilaine), built once for all tests.</summary>
internal static class ReferenceSchools
{
    private static readonly Lazy<SchoolIndex> LazyIndex = new(() =>
    {
        using var reader = AnnuaireReader.OpenReference();
        return SchoolIndex.Build([.. AnnuaireSchools.Read(reader)]);
    });

    public static SchoolIndex Index => LazyIndex.Value;

    public static string CsvPath { get; } = Path.Combine(Repository.Root, "src", "Directory", "Schools", "Reference", AnnuaireReader.ReferenceName);
}
