using SupportBot.AccountDirectory.Persons;
using SupportBot.Migration.Input;
using SupportBot.Migration.Plan;
using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Rules;

/// <summary>
/// Rules 3 and 4: an account is linked to every pupil for whom one of its persons is responsible at level 1 or 2 in
/// the current SIECLE data and who has not left, with or without a legacy attachment (sibling rapprochement); a contact
/// (level 3) gives no link. Both holders of a split joint account get their children this way. Two lines for the same
/// person and pupil give one link at the stronger level. The links the directory lacks are counted, and among them
/// those no legacy attachment of the account named (added by rapprochement).
/// </summary>
internal sealed class ChildrenLinks(SiecleData siecle, LegacyAttachments attachments, ExistingDirectory existing, MigrationReport report, int accounts)
{
    private readonly List<PlannedLink> _links = [];
    private readonly bool[] _linked = new bool[siecle.PupilCount];

    /// <summary>The pupils some account links, in the order first linked: the ones the plan writes.</summary>
    public List<SieclePupil> Pupils { get; } = new(accounts * 2);

    public PlannedLink[] For(PlannedAccount planned)
    {
        var links = _links;
        links.Clear();
        foreach (var person in planned.Persons)
        {
            foreach (var responsibility in person.Responsibilities)
            {
                var pupil = responsibility.Pupil;
                if (responsibility.Level == ResponsibilityLevel.Contact || pupil.HasLeft)
                {
                    continue;
                }

                // Two lines for the same pair (an export anomaly): one link, at the stronger level.
                var duplicate = -1;
                for (var i = 0; i < links.Count; i++)
                {
                    if (links[i].Person == person && links[i].Pupil == pupil)
                    {
                        duplicate = i;
                        break;
                    }
                }

                if (duplicate >= 0)
                {
                    if (responsibility.Level < links[duplicate].Level)
                    {
                        links[duplicate] = links[duplicate] with { Level = responsibility.Level };
                    }

                    continue;
                }

                links.Add(new PlannedLink(person, pupil, responsibility.Level, responsibility.RelationshipCode));
                if (!_linked[pupil.Index])
                {
                    _linked[pupil.Index] = true;
                    Pupils.Add(pupil);
                }

                var isNew = !(existing.TryGetPerson(person, out var row)
                    && existing.TryGetPupil(pupil, out var pupilId)
                    && existing.Links.Contains(ExistingDirectory.LinkKey(row.PersonId, pupilId)));
                if (isNew)
                {
                    report.PupilLinks++;
                    if (!WasAttached(planned, pupil.Key))
                    {
                        report.LinksAddedByRapprochement++;
                    }
                }
            }
        }

        // An array of the exact size: a list per account would be a million more objects, with spare room.
        return [.. links];
    }

    private bool WasAttached(PlannedAccount planned, long pupilKey)
    {
        foreach (var a in planned.LegacyAccounts)
        {
            for (var i = a.AttachmentStart; i < a.AttachmentStart + a.AttachmentCount; i++)
            {
                if (attachments.PupilKey(i) == pupilKey)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
