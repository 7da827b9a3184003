using System.Globalization;
using System.Text;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Cases;

/// <summary>
/// A case in the words of dialogs/espace-ecole.yaml, for its mails and its workspace page: the situation, what the parent
/// gave (each value on one line: a parent's text never adds lines to a mail), and the steps the procedure asks of the director.
/// </summary>
internal sealed class CaseDescription(TextCatalog texts)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private const int MaxFieldLength = 300;

    public string Situation(DirectorCaseKind kind) => Text(kind switch
    {
        DirectorCaseKind.PhoneMismatch => CaseTexts.EspaceSituationTelephone,
        DirectorCaseKind.BirthDateMismatch => CaseTexts.EspaceSituationDateNaissance,
        DirectorCaseKind.LostNotification => CaseTexts.EspaceSituationCourrier,
        DirectorCaseKind.LostTemporaryPassword => CaseTexts.EspaceSituationMotDePasseProvisoire,
        DirectorCaseKind.NoMobilePhone => CaseTexts.EspaceSituationSansPortable,
        _ => CaseTexts.EspaceSituationAutre,
    });

    /// <summary>The director's steps, one per line of the text, then where in ARENA.</summary>
    public IReadOnlyList<string> Steps(DirectorCaseKind kind)
    {
        var name = kind switch
        {
            DirectorCaseKind.PhoneMismatch => CaseTexts.EspaceAFaireTelephone,
            DirectorCaseKind.BirthDateMismatch => CaseTexts.EspaceAFaireDateNaissance,
            DirectorCaseKind.LostNotification => CaseTexts.EspaceAFaireCourrier,
            DirectorCaseKind.LostTemporaryPassword => CaseTexts.EspaceAFaireMotDePasseProvisoire,
            DirectorCaseKind.NoMobilePhone => CaseTexts.EspaceAFaireSansPortable,
            _ => CaseTexts.EspaceAFaireAutre,
        };
        return [.. Text(name).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Text(CaseTexts.EspaceOu)];
    }

    /// <summary>
    /// What the parent gave, as (label, value) pairs; absent values are left out. <paramref name="withFollowUp"/>: how the
    /// parent will hear back, which the workspace shows (the mail leaves before the parent says).
    /// </summary>
    public IReadOnlyList<(string Label, string Value)> Fields(DirectorCase directorCase, bool withSchoolGiven, bool withFollowUp = false)
    {
        var fields = new List<(string, string)>();
        Add(CaseTexts.EspaceChampParent, directorCase.ResponsableGiven);
        Add(CaseTexts.EspaceChampEnfant, directorCase.PupilGiven);
        Add(CaseTexts.EspaceChampDateNaissance, directorCase.PupilBirthDateGiven?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        Add(CaseTexts.EspaceChampTelephone, directorCase.PhoneGiven);
        Add(CaseTexts.EspaceChampIdentifiant, directorCase.IdentifierGiven);
        Add(CaseTexts.EspaceChampAdresse, directorCase.EmailGiven);
        if (withSchoolGiven)
        {
            Add(CaseTexts.EspaceChampEcoleDonnee, directorCase.SchoolGiven);
        }

        Add(CaseTexts.EspaceChampCanal, Channel(directorCase));
        if (withFollowUp)
        {
            Add(CaseTexts.EspaceChampSuivi, FollowUp(directorCase));
        }

        return fields;

        void Add(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                fields.Add((Text(label), OneLine(value)));
            }
        }
    }

    public string Channel(DirectorCase directorCase) => IsSms(directorCase)
        ? Format(CaseTexts.EspaceCanalSms, ("numero", directorCase.ChannelAddress ?? ""))
        : Text(CaseTexts.EspaceCanalWeb);

    public string ShortChannel(DirectorCase directorCase) =>
        Text(IsSms(directorCase) ? CaseTexts.EspaceCanalCourtSms : CaseTexts.EspaceCanalCourtWeb);

    /// <summary>« l'Ecole élémentaire publique Jean Moulin », or the name quoted when it does not start with a vowel.</summary>
    public static string Designation(string schoolName) =>
        schoolName.Length > 0 && "AEIOUYÉÈÊaeiouyéèê".Contains(schoolName[0], StringComparison.Ordinal) ? "l'" + schoolName : "« " + schoolName + " »";

    public static string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Paris).ToString("dd/MM/yyyy", French);

    public static string DateTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Paris).ToString("dd/MM/yyyy 'à' HH'h'mm", French);

    /// <summary>
    /// A value typed by a parent, on one line: line breaks and other control characters become spaces (a name with line
    /// breaks must not forge lines of the director's mail), at most 300 characters.
    /// </summary>
    public static string OneLine(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, MaxFieldLength));
        var space = false;
        foreach (var c in value)
        {
            var blank = char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            if (blank)
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
            if (builder.Length >= MaxFieldLength)
            {
                builder.Append('…');
                break;
            }
        }

        return builder.ToString();
    }

    public string Text(string name) => texts.Get(name).Web;

    public string Format(string name, params (string Name, string Value)[] values) =>
        texts.Get(name).Format(values.ToDictionary(v => v.Name, v => v.Value)).Web;

    private static bool IsSms(DirectorCase directorCase) => Channels.IsSms(directorCase.Channel) && directorCase.ChannelAddress is not null;

    private string FollowUp(DirectorCase directorCase)
    {
        var ways = new List<string>();
        if (IsSms(directorCase) || directorCase.ContactPhone is not null)
        {
            ways.Add(Format(CaseTexts.EspaceSuiviSms, ("numero", directorCase.ContactPhone ?? directorCase.ChannelAddress ?? "")));
        }

        if (directorCase.ContactEmail is not null)
        {
            ways.Add(Format(CaseTexts.EspaceSuiviCourriel, ("adresse", directorCase.ContactEmail)));
        }

        return ways.Count == 0 ? Text(CaseTexts.EspaceSuiviAucun) : string.Join(" ; ", ways);
    }
}
