using System.Xml;
using SupportBot.AccountDirectory.Persons;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Input;

/// <summary>
/// Parses one BEE export into its records, in document order, with the rejects and notes that need only the record
/// itself. What needs the other files (duplicates, responsables of unknown persons) is <see cref="SiecleReader"/>'s
/// merge. One parser per reading thread: its string pool is not shared.
/// </summary>
internal sealed class SiecleFileParser(RecordKeys keys, Action tick)
{
    private readonly RecordFields _eleve = new("NOM_DE_FAMILLE", "PRENOM", "DATE_NAISS", "ELENOET", "PRENOM2", "ID_NATIONAL", "NOM_USAGE", "DATE_SORTIE");
    private readonly RecordFields _personne = new("NOM_DE_FAMILLE", "PRENOM", "TEL_PORTABLE", "MEL", "LC_CIVILITE");
    private readonly RecordFields _responsable = new("ELEVE_ID", "PERSONNE_ID", "NIVEAU_RESPONSABILITE", "RESP_LEGAL", "CODE_PARENTE");

    // Names, civilities and codes repeat across hundreds of thousands of records: one string each keeps the memory flat.
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    /// <summary>A STRUCTURES_ELEVE line naming the pupil's division.</summary>
    internal sealed record Structure(long PupilKey, string Division);

    /// <summary>A RESPONSABLE_ELEVE line, resolved against the persons and pupils when merged.</summary>
    internal sealed record Responsibility(long PersonKey, long PupilKey, ResponsibilityLevel Level, string? RelationshipCode, string File, int Line);

    /// <summary>One export's records (<see cref="SieclePupil"/>, <see cref="SieclePerson"/>, <see cref="Structure"/>, <see cref="Responsibility"/>) in document order.</summary>
    internal sealed class ParsedFile(string displayName)
    {
        public string DisplayName { get; } = displayName;

        public List<object> Records { get; } = [];

        public List<ReportEntry> Entries { get; } = [];

        public void Reject(int line, string record, string reason, string detail) => Entries.Add(new ReportEntry(DisplayName, line, record, true, reason, detail));

        public void Note(int line, string record, string reason, string detail) => Entries.Add(new ReportEntry(DisplayName, line, record, false, reason, detail));
    }

    public ParsedFile Parse(InputFile file, bool eleves)
    {
        var parsed = new ParsedFile(file.DisplayName);
        var legalOnes = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlInput.Open(file, eleves ? "BEE_ELEVES" : "BEE_RESPONSABLES");
            SiecleSource? source = null;
            SiecleSource Source() => source ?? throw new MigrationInputException(
                $"{file}:{XmlInput.Line(reader)} : PARAMETRES/UAJ absent avant les données : impossible de savoir de quel établissement il s'agit.",
                ExitCodes.UnsupportedInput);

            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "UAJ" && reader.Depth == 2 && source is null)
                {
                    var uajLine = XmlInput.Line(reader);
                    var value = reader.ReadElementContentAsString().Trim();
                    source = Uai.IsValid(value)
                        ? new SiecleSource(file.DisplayName, Uai.Normalize(value), keys)
                        : throw new MigrationInputException($"{file}:{uajLine} : PARAMETRES/UAJ « {value} » n'est pas un code UAJ valide.", ExitCodes.UnsupportedInput);
                    continue;
                }

                // Depth 3 = the lists' items: DONNEES/ELEVES/ELEVE, DONNEES/STRUCTURES/STRUCTURES_ELEVE, DONNEES/PERSONNES/PERSONNE...
                while (reader.NodeType == XmlNodeType.Element && reader.Depth == 3)
                {
                    var line = XmlInput.Line(reader);
                    switch (reader.LocalName)
                    {
                        case "ELEVE" when eleves:
                            ReadEleve(reader, Source(), line, parsed);
                            break;
                        case "STRUCTURES_ELEVE" when eleves:
                            ReadStructures(reader, Source(), parsed);
                            break;
                        case "PERSONNE" when !eleves:
                            ReadPersonne(reader, Source(), line, parsed);
                            break;
                        case "RESPONSABLE_ELEVE" when !eleves:
                            ReadResponsable(reader, Source(), line, legalOnes, parsed);
                            break;
                        default:
                            reader.Skip();
                            break;
                    }
                }
            }
        }
        catch (XmlException e)
        {
            throw XmlInput.Malformed(file, e);
        }

        return parsed;
    }

    private void ReadEleve(XmlReader reader, SiecleSource source, int line, ParsedFile parsed)
    {
        var uaj = source.Uaj;
        var id = reader.GetAttribute("ELEVE_ID")?.Trim();
        var elenoetAttribute = reader.GetAttribute("ELENOET")?.Trim();
        var f = _eleve;
        f.Read(reader);
        tick();
        var missing = string.IsNullOrWhiteSpace(id) ? "ELEVE_ID"
            : string.IsNullOrWhiteSpace(f[0]) ? "NOM_DE_FAMILLE"
            : string.IsNullOrWhiteSpace(f[1]) ? "PRENOM"
            : string.IsNullOrWhiteSpace(f[2]) ? "DATE_NAISS"
            : null;
        if (missing is not null)
        {
            parsed.Reject(line, $"ELEVE {uaj}:{id}", "champ_obligatoire_absent", $"{missing} absent : élève ignoré.");
            return;
        }

        if (!Values.TryDate(f[2], out var birth))
        {
            parsed.Reject(line, $"ELEVE {uaj}:{id}", "date_invalide", $"DATE_NAISS « {f[2]} » n'est pas une date jj/mm/aaaa : élève ignoré.");
            return;
        }

        if (elenoetAttribute is { Length: > 0 } && f.NonEmpty(3) is { } elenoet && elenoet != elenoetAttribute)
        {
            parsed.Note(line, $"ELEVE {uaj}:{id}", "anomalie_elenoet", $"l'attribut ELENOET ({elenoetAttribute}) diffère de l'élément ELENOET ({elenoet}) : toléré.");
        }

        var firstNames = f[1]!;
        if (f.NonEmpty(4) is { } second)
        {
            firstNames += " " + second;
        }

        parsed.Records.Add(new SieclePupil
        {
            Source = source,
            Key = source.Key(id!),
            Ine = f.NonEmpty(5),
            FamilyName = Pooled(f[0]!),
            UsageName = Pooled(f.NonEmpty(6)),
            FirstNames = Pooled(firstNames),
            BirthDate = birth,
            HasLeft = f.NonEmpty(7) is not null,
            Line = line,
        });
    }

    private void ReadStructures(XmlReader reader, SiecleSource source, ParsedFile parsed)
    {
        var id = reader.GetAttribute("ELEVE_ID")?.Trim();
        string? code = null;
        string? division = null;
        RecordReader.Read(reader, null, (name, value) =>
        {
            if (name == "CODE_STRUCTURE")
            {
                code = value;
            }
            else if (name == "TYPE_STRUCTURE" && value == "D" && division is null)
            {
                division = code;
            }
        });
        if (id is not null && division is not null)
        {
            parsed.Records.Add(new Structure(source.Key(id), Pooled(division)));
        }
    }

    private void ReadPersonne(XmlReader reader, SiecleSource source, int line, ParsedFile parsed)
    {
        var uaj = source.Uaj;
        var id = reader.GetAttribute("PERSONNE_ID")?.Trim();
        var f = _personne;
        f.Read(reader);
        tick();
        var missing = string.IsNullOrWhiteSpace(id) ? "PERSONNE_ID"
            : string.IsNullOrWhiteSpace(f[0]) ? "NOM_DE_FAMILLE"
            : string.IsNullOrWhiteSpace(f[1]) ? "PRENOM"
            : null;
        if (missing is not null)
        {
            parsed.Reject(line, $"PERSONNE {uaj}:{id}", "champ_obligatoire_absent", $"{missing} absent : personne ignorée.");
            return;
        }

        var mobile = Values.Mobile(f.NonEmpty(2));
        if (mobile is null && f.NonEmpty(2) is not null)
        {
            parsed.Note(line, $"PERSONNE {uaj}:{id}", "portable_invalide", "TEL_PORTABLE n'est pas un numéro valide : ignoré.");
        }

        var email = Values.Email(f.NonEmpty(3));
        if (email is null && f.NonEmpty(3) is not null)
        {
            parsed.Note(line, $"PERSONNE {uaj}:{id}", "mel_invalide", "MEL n'est pas une adresse valide : ignorée.");
        }

        parsed.Records.Add(new SieclePerson
        {
            Source = source,
            Key = source.Key(id!),
            Civility = Pooled(f.NonEmpty(4)),
            FamilyName = Pooled(f[0]!),
            FirstName = Pooled(f[1]!),
            Mobile = mobile,
            Email = email,
            Line = line,
        });
    }

    private void ReadResponsable(XmlReader reader, SiecleSource source, int line, Dictionary<string, int> legalOnes, ParsedFile parsed)
    {
        var uaj = source.Uaj;
        var f = _responsable;
        f.Read(reader);
        tick();
        var eleve = f.NonEmpty(0);
        var personne = f.NonEmpty(1);
        ResponsibilityLevel? level = f.NonEmpty(2) switch
        {
            "1" => ResponsibilityLevel.LegalRepresentative,
            "2" => ResponsibilityLevel.PersonInCharge,
            "3" => ResponsibilityLevel.Contact,
            null => f.NonEmpty(3) switch
            {
                // Before 2018: RESP_LEGAL 1 and 2 are the two legal representatives, 0 a contact.
                "1" or "2" => ResponsibilityLevel.LegalRepresentative,
                "0" => ResponsibilityLevel.Contact,
                _ => null,
            },
            _ => null,
        };
        var missing = string.IsNullOrWhiteSpace(eleve) ? "ELEVE_ID"
            : string.IsNullOrWhiteSpace(personne) ? "PERSONNE_ID"
            : level is null ? "NIVEAU_RESPONSABILITE (ou RESP_LEGAL)"
            : null;
        if (missing is not null)
        {
            parsed.Reject(line, $"RESPONSABLE_ELEVE {uaj}:{personne}/{eleve}", "champ_obligatoire_absent", $"{missing} absent ou invalide : lien ignoré.");
            return;
        }

        if (f.NonEmpty(3) == "1" && f.NonEmpty(2) is null)
        {
            var count = legalOnes[eleve!] = legalOnes.GetValueOrDefault(eleve!) + 1;
            if (count == 2)
            {
                parsed.Note(line, $"RESPONSABLE_ELEVE {uaj}:{personne}/{eleve}", "deux_responsables_legaux_1",
                    $"l'élève {uaj}:{eleve} a deux responsables RESP_LEGAL=1 : toléré, tous deux sont représentants légaux.");
            }
        }

        parsed.Records.Add(new Responsibility(source.Key(personne!), source.Key(eleve!), level!.Value, Pooled(f.NonEmpty(4)), parsed.DisplayName, line));
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    private string? Pooled(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_pool.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        _pool[value] = value;
        return value;
    }
}
