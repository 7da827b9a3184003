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
    private readonly RecordFields<Eleve> _eleve = new(
        (Eleve.FamilyName, "NOM_DE_FAMILLE"), (Eleve.FirstName, "PRENOM"), (Eleve.BirthDate, "DATE_NAISS"), (Eleve.Elenoet, "ELENOET"),
        (Eleve.SecondFirstName, "PRENOM2"), (Eleve.Ine, "ID_NATIONAL"), (Eleve.UsageName, "NOM_USAGE"), (Eleve.LeftOn, "DATE_SORTIE"));

    private readonly RecordFields<Personne> _personne = new(
        (Personne.FamilyName, "NOM_DE_FAMILLE"), (Personne.FirstName, "PRENOM"), (Personne.Mobile, "TEL_PORTABLE"), (Personne.Email, "MEL"),
        (Personne.Civility, "LC_CIVILITE"));

    private readonly RecordFields<ResponsableEleve> _responsable = new(
        (ResponsableEleve.EleveId, "ELEVE_ID"), (ResponsableEleve.PersonneId, "PERSONNE_ID"), (ResponsableEleve.Level, "NIVEAU_RESPONSABILITE"),
        (ResponsableEleve.RespLegal, "RESP_LEGAL"), (ResponsableEleve.RelationshipCode, "CODE_PARENTE"));

    /// <summary>The fields of an ELEVE that are read.</summary>
    private enum Eleve
    {
        FamilyName,
        FirstName,
        BirthDate,
        Elenoet,
        SecondFirstName,
        Ine,
        UsageName,
        LeftOn,
    }

    /// <summary>The fields of a PERSONNE that are read.</summary>
    private enum Personne
    {
        FamilyName,
        FirstName,
        Mobile,
        Email,
        Civility,
    }

    /// <summary>The fields of a RESPONSABLE_ELEVE that are read (RESP_LEGAL: files before 2018).</summary>
    private enum ResponsableEleve
    {
        EleveId,
        PersonneId,
        Level,
        RespLegal,
        RelationshipCode,
    }

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
            : string.IsNullOrWhiteSpace(f[Eleve.FamilyName]) ? "NOM_DE_FAMILLE"
            : string.IsNullOrWhiteSpace(f[Eleve.FirstName]) ? "PRENOM"
            : string.IsNullOrWhiteSpace(f[Eleve.BirthDate]) ? "DATE_NAISS"
            : null;
        if (missing is not null)
        {
            parsed.Reject(line, $"ELEVE {uaj}:{id}", "champ_obligatoire_absent", $"{missing} absent : élève ignoré.");
            return;
        }

        if (!Values.TryDate(f[Eleve.BirthDate], out var birth))
        {
            parsed.Reject(line, $"ELEVE {uaj}:{id}", "date_invalide", $"DATE_NAISS « {f[Eleve.BirthDate]} » n'est pas une date jj/mm/aaaa : élève ignoré.");
            return;
        }

        if (elenoetAttribute is { Length: > 0 } && f.NonEmpty(Eleve.Elenoet) is { } elenoet && elenoet != elenoetAttribute)
        {
            parsed.Note(line, $"ELEVE {uaj}:{id}", "anomalie_elenoet", $"l'attribut ELENOET ({elenoetAttribute}) diffère de l'élément ELENOET ({elenoet}) : toléré.");
        }

        var firstNames = f[Eleve.FirstName]!;
        if (f.NonEmpty(Eleve.SecondFirstName) is { } second)
        {
            firstNames += " " + second;
        }

        parsed.Records.Add(new SieclePupil
        {
            Source = source,
            Key = source.Key(id!),
            Ine = f.NonEmpty(Eleve.Ine),
            FamilyName = Pooled(f[Eleve.FamilyName]!),
            UsageName = Pooled(f.NonEmpty(Eleve.UsageName)),
            FirstNames = Pooled(firstNames),
            BirthDate = birth,
            HasLeft = f.NonEmpty(Eleve.LeftOn) is not null,
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
            : string.IsNullOrWhiteSpace(f[Personne.FamilyName]) ? "NOM_DE_FAMILLE"
            : string.IsNullOrWhiteSpace(f[Personne.FirstName]) ? "PRENOM"
            : null;
        if (missing is not null)
        {
            parsed.Reject(line, $"PERSONNE {uaj}:{id}", "champ_obligatoire_absent", $"{missing} absent : personne ignorée.");
            return;
        }

        var mobile = Values.Mobile(f.NonEmpty(Personne.Mobile));
        if (mobile is null && f.NonEmpty(Personne.Mobile) is not null)
        {
            parsed.Note(line, $"PERSONNE {uaj}:{id}", "portable_invalide", "TEL_PORTABLE n'est pas un numéro valide : ignoré.");
        }

        var email = Values.Email(f.NonEmpty(Personne.Email));
        if (email is null && f.NonEmpty(Personne.Email) is not null)
        {
            parsed.Note(line, $"PERSONNE {uaj}:{id}", "mel_invalide", "MEL n'est pas une adresse valide : ignorée.");
        }

        parsed.Records.Add(new SieclePerson
        {
            Source = source,
            Key = source.Key(id!),
            Civility = Pooled(f.NonEmpty(Personne.Civility)),
            FamilyName = Pooled(f[Personne.FamilyName]!),
            FirstName = Pooled(f[Personne.FirstName]!),
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
        var eleve = f.NonEmpty(ResponsableEleve.EleveId);
        var personne = f.NonEmpty(ResponsableEleve.PersonneId);
        ResponsibilityLevel? level = f.NonEmpty(ResponsableEleve.Level) switch
        {
            "1" => ResponsibilityLevel.LegalRepresentative,
            "2" => ResponsibilityLevel.PersonInCharge,
            "3" => ResponsibilityLevel.Contact,
            null => f.NonEmpty(ResponsableEleve.RespLegal) switch
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

        if (f.NonEmpty(ResponsableEleve.RespLegal) == "1" && f.NonEmpty(ResponsableEleve.Level) is null)
        {
            var count = legalOnes[eleve!] = legalOnes.GetValueOrDefault(eleve!) + 1;
            if (count == 2)
            {
                parsed.Note(line, $"RESPONSABLE_ELEVE {uaj}:{personne}/{eleve}", "deux_responsables_legaux_1",
                    $"l'élève {uaj}:{eleve} a deux responsables RESP_LEGAL=1 : toléré, tous deux sont représentants légaux.");
            }
        }

        parsed.Records.Add(new Responsibility(source.Key(personne!), source.Key(eleve!), level!.Value, Pooled(f.NonEmpty(ResponsableEleve.RelationshipCode)), parsed.DisplayName, line));
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
