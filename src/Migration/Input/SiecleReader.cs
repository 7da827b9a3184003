using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Input;

/// <summary>
/// Merges the parsed BEE_ELEVES and BEE_RESPONSABLES exports into <see cref="SiecleData"/>, file after file in the
/// order given (sorted by name), whatever the order they were parsed in: the first occurrence of a UAJ:ID wins, and
/// a responsibility line whose person is in no PERSONNES is reported once everything is read.
/// </summary>
internal sealed class SiecleReader(MigrationReport report, RecordKeys keys)
{
    private readonly List<SiecleFileParser.Responsibility> _waiting = [];
    private readonly Dictionary<string, string> _divisions = new(StringComparer.Ordinal);

    public SiecleData Data { get; } = new(keys);

    public void Merge(SiecleFileParser.ParsedFile file)
    {
        foreach (var entry in file.Entries)
        {
            report.Add(entry);
        }

        var data = Data;
        foreach (var record in file.Records)
        {
            switch (record)
            {
                case SieclePupil pupil:
                    if (data.Pupils.TryGetValue(pupil.Key, out var previousPupil))
                    {
                        if (previousPupil.File == file.DisplayName)
                        {
                            report.Note(file.DisplayName, pupil.Line, $"ELEVE {pupil.KeyText}", "doublon_enregistrement",
                                $"ELEVE_ID déjà lu ligne {previousPupil.Line} : la première occurrence est gardée.");
                        }

                        break;
                    }

                    pupil.Index = data.Pupils.Count;
                    data.Pupils.Add(pupil.Key, pupil);
                    break;
                case SiecleFileParser.Structure structure:
                    if (data.Pupils.TryGetValue(structure.PupilKey, out var structured))
                    {
                        structured.ClassName = Pooled(structure.Division);
                    }

                    break;
                case SieclePerson person:
                    if (data.Persons.TryGetValue(person.Key, out var previousPerson))
                    {
                        if (previousPerson.File == file.DisplayName)
                        {
                            report.Note(file.DisplayName, person.Line, $"PERSONNE {person.KeyText}", "doublon_enregistrement",
                                $"PERSONNE_ID déjà lu ligne {previousPerson.Line} : la première occurrence est gardée.");
                        }

                        break;
                    }

                    person.Index = data.Persons.Count;
                    data.Persons.Add(person.Key, person);
                    break;
                case SiecleFileParser.Responsibility line:
                    if (data.Persons.TryGetValue(line.PersonKey, out var responsible))
                    {
                        Attach(responsible, line);
                    }
                    else
                    {
                        // PERSONNES usually come first; when not, the line waits for the end of the reading.
                        _waiting.Add(line);
                    }

                    break;
            }
        }
    }

    /// <summary>After the last file: the waiting responsibility lines, and the counts.</summary>
    public SiecleData Finish()
    {
        foreach (var line in _waiting)
        {
            if (Data.Persons.TryGetValue(line.PersonKey, out var responsible))
            {
                Attach(responsible, line);
            }
            else
            {
                var person = keys.ToString(line.PersonKey);
                report.Note(line.File, line.Line, $"RESPONSABLE_ELEVE {person}", "responsable_inconnu",
                    $"la personne {person} n'est pas dans les PERSONNES de l'export : ligne ignorée.");
            }
        }

        _waiting.Clear();
        _divisions.Clear();
        report.SieclePupilsRead = Data.Pupils.Count;
        report.SieclePersonsRead = Data.Persons.Count;
        return Data;
    }

    // Every BEE_ELEVES file is merged before the first BEE_RESPONSABLES one: a pupil not found here is in no export.
    private void Attach(SieclePerson person, SiecleFileParser.Responsibility line)
    {
        if (Data.Pupils.TryGetValue(line.PupilKey, out var pupil))
        {
            person.AddResponsibility(new SiecleResponsibility(pupil, line.Level, line.RelationshipCode));
        }
    }

    // Each parsing thread pools its own strings; divisions are few, one instance each across threads.
    private string Pooled(string value)
    {
        if (_divisions.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        _divisions[value] = value;
        return value;
    }
}
