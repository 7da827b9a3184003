using SupportBot.AccountDirectory.Persons;
using SupportBot.Migration.Input;
using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Rules;

/// <summary>
/// Rule 3, its second half: a legacy attachment (RATTACHEMENT) whose pupil has left or is no longer exported, or whose
/// person is no longer responsible (level 1 or 2) for that pupil, gives no link and is reported. It decides nothing
/// else: the links themselves come from the current SIECLE data (<see cref="ChildrenLinks"/>).
/// </summary>
internal static class StaleAttachments
{
    public static void Report(SiecleData siecle, LegacyData legacy, MigrationReport report)
    {
        var attachments = legacy.Attachments;
        foreach (var account in legacy.Accounts)
        {
            for (var i = account.AttachmentStart; i < account.AttachmentStart + account.AttachmentCount; i++)
            {
                var pupilKey = attachments.PupilKey(i);
                var personKey = attachments.PersonKey(i);
                string? reason = null;
                string? detail = null;
                if (!siecle.Pupils.TryGetValue(pupilKey, out var pupil) || pupil.HasLeft)
                {
                    reason = "rattachement_eleve_parti";
                    detail = $"l'élève {siecle.Keys.ToString(pupilKey)} a quitté l'établissement ou n'est plus dans l'export : pas de lien.";
                }
                else if (!siecle.Persons.TryGetValue(personKey, out var person) || !IsResponsible(person, pupil))
                {
                    reason = "rattachement_plus_responsable";
                    detail = $"{siecle.Keys.ToString(personKey)} n'est plus responsable (niveau 1 ou 2) de l'élève {siecle.Keys.ToString(pupilKey)} : pas de lien.";
                }

                if (reason is not null)
                {
                    report.StaleAttachments++;
                    report.Note(account.File, attachments.Line(i), $"COMPTE {account.CompteId}", reason, detail!);
                }
            }
        }
    }

    private static bool IsResponsible(SieclePerson person, SieclePupil pupil)
    {
        foreach (var r in person.Responsibilities)
        {
            if (r.Level != ResponsibilityLevel.Contact && r.Pupil == pupil)
            {
                return true;
            }
        }

        return false;
    }
}
