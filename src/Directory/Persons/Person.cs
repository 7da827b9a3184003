using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Schools;
using SupportBot.AccountDirectory.Validation;

namespace SupportBot.AccountDirectory.Persons;

/// <summary>A responsable d'élève as one établissement knows them. Several persons may stand for one account.</summary>
public sealed class Person
{
    public int Id { get; set; }

    /// <summary>UAJ of the établissement whose SIECLE record this is, when the person came from SIECLE.</summary>
    public string? SiecleUai { get; set; }

    /// <summary>SIECLE's PERSONNE_ID, unique within <see cref="SiecleUai"/>.</summary>
    public string? SiecleId { get; set; }

    public string? Civility { get; set; }

    public required string FamilyName { get; set; }

    public required string FirstName { get; set; }

    /// <summary>E.164 (+33612345678).</summary>
    public string? MobilePhone { get; set; }

    public string? Email { get; set; }

    public int? AccountId { get; set; }

    public Account? Account { get; set; }

    public List<PersonPupilLink> Pupils { get; set; } = [];

    /// <summary>A person with names required, phone in E.164 and e-mail checked; throws naming the first bad field.</summary>
    public static Person Create(string firstName, string familyName, string? mobilePhone = null, string? email = null,
        string? civility = null, string? siecleUai = null, string? siecleId = null) =>
        new()
        {
            FirstName = Required(firstName, nameof(FirstName), "le prénom est obligatoire."),
            FamilyName = Required(familyName, nameof(FamilyName), "le nom de famille est obligatoire."),
            MobilePhone = MobilePhones.NormalizeOptional(mobilePhone, nameof(MobilePhone)),
            Email = EmailAddresses.NormalizeOptional(email, nameof(Email)),
            Civility = civility?.Trim(),
            SiecleUai = siecleUai is null ? null : Uai.Normalize(siecleUai, nameof(SiecleUai)),
            SiecleId = siecleId?.Trim(),
        };

    private static string Required(string value, string field, string reason) =>
        string.IsNullOrWhiteSpace(value) ? throw new DirectoryValidationException(field, reason) : value.Trim();
}
