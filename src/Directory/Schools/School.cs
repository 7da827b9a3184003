using SupportBot.AccountDirectory.Validation;

namespace SupportBot.AccountDirectory.Schools;

public sealed class School
{
    public int Id { get; set; }

    public required string Uai { get; set; }

    public required string Name { get; set; }

    public string? Commune { get; set; }

    public string? DirectorName { get; set; }

    public string? DirectorEmail { get; set; }

    /// <summary>A school with its UAI and director's address checked; throws naming the first bad field.</summary>
    public static School Create(string uai, string name, string? commune = null, string? directorName = null, string? directorEmail = null) =>
        new()
        {
            Uai = Schools.Uai.Normalize(uai),
            Name = string.IsNullOrWhiteSpace(name)
                ? throw new DirectoryValidationException(nameof(Name), "le nom de l'école est obligatoire.")
                : name.Trim(),
            Commune = commune?.Trim(),
            DirectorName = directorName?.Trim(),
            DirectorEmail = EmailAddresses.NormalizeOptional(directorEmail, nameof(DirectorEmail)),
        };
}
