using System.Globalization;
using SupportBot.AccountDirectory.Persons;

namespace SupportBot.Migration.Input;

/// <summary>A responsable of one établissement's BEE_RESPONSABLES export, with phone and e-mail already normalised.</summary>
internal sealed class SieclePerson : SiecleRecord
{
    /// <summary>PERSONNE_ID, the part of UAJ:PERSONNE_ID after the UAJ, made on demand.</summary>
    public string PersonId => Id;

    public string? Civility { get; init; }

    public required string FamilyName { get; init; }

    public required string FirstName { get; init; }

    /// <summary>E.164, or null when absent or invalid (a string made on demand: see <see cref="MobileNumber"/>).</summary>
    public string? Mobile
    {
        get => _otherMobile ?? (MobileNumber == 0 ? null : "+" + MobileNumber.ToString(CultureInfo.InvariantCulture));
        init
        {
            // E.164 is a '+' and at most 15 digits, the first one not 0: a number, rather than a string for each of millions of persons.
            if (value is ['+', >= '1' and <= '9', ..] && value.Length <= 19 && long.TryParse(value.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                MobileNumber = number;
            }
            else
            {
                _otherMobile = value;
            }
        }
    }

    /// <summary>The E.164 mobile's digits, 0 when none (or in the unexpected shape kept as a string); equal numbers, equal mobiles.</summary>
    public long MobileNumber { get; private init; }

    public bool HasMobile => MobileNumber != 0 || _otherMobile is not null;

    /// <summary>What makes two mobiles equal, without making strings.</summary>
    public (long Number, string? Other) MobileKey => (MobileNumber, _otherMobile);

    private readonly string? _otherMobile;

    /// <summary>Lower-cased, or null when absent or invalid.</summary>
    public string? Email { get; init; }

    public int Line { get; init; }

    /// <summary>Its rank among the persons read (set by the merge): the planner's dictionaries hash persons by it.</summary>
    public int Index { get; set; }

    /// <summary>
    /// Its RESPONSABLE_ELEVE lines whose pupil was read, in an array of the exact size (most persons have one or two); a
    /// line naming a pupil absent from the exports can give neither a link nor a responsibility (rule 3), it is not kept.
    /// </summary>
    public SiecleResponsibility[] Responsibilities { get; private set; } = [];

    /// <summary>Once the planner has made its links (about 100 MB at a million accounts, and the pupils only they point at).</summary>
    public void ForgetResponsibilities() => Responsibilities = [];

    public void AddResponsibility(SiecleResponsibility responsibility)
    {
        var grown = new SiecleResponsibility[Responsibilities.Length + 1];
        Responsibilities.CopyTo(grown, 0);
        grown[^1] = responsibility;
        Responsibilities = grown;
    }
}

/// <summary>A RESPONSABLE_ELEVE line: a person's responsibility for a pupil of the same établissement, one of the pupils read.</summary>
internal readonly record struct SiecleResponsibility(SieclePupil Pupil, ResponsibilityLevel Level, string? RelationshipCode);

/// <summary>Persons as dictionary keys: the same object, hashed by its <see cref="SieclePerson.Index"/> (cheaper than an object's identity hash).</summary>
internal sealed class PersonIdentity : IEqualityComparer<SieclePerson>
{
    public static readonly PersonIdentity Instance = new();

    public bool Equals(SieclePerson? x, SieclePerson? y) => ReferenceEquals(x, y);

    public int GetHashCode(SieclePerson obj) => obj.Index;
}
