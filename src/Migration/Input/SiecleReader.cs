using System.Xml;
using SupportBot.AccountDirectory.Persons;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Input;

/// <summary>
/// Streams the BEE_ELEVES and BEE_RESPONSABLES exports into <see cref="SiecleData"/>. A record missing a required
/// field is rejected into the report; a file that is not well-formed XML stops everything (nothing is written yet).
/// </summary>
internal sealed class SiecleReader(MigrationReport report, Action<long>? onRecord = null)
{
    private readonly List<(string PersonKey, SiecleResponsibility Responsibility, string File, int Line)> _responsibilities = [];

    // Names, civilities and codes repeat across hundreds of thousands of records: one string each keeps the memory flat.
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private long _records;

    public SiecleData Read(IReadOnlyList<InputFile> eleves, IReadOnlyList<InputFile> responsables)
    {
        var data = new SiecleData();
        foreach (var file in eleves)
        {
            Stream(file, "BEE_ELEVES", (reader, uaj) => ReadEleves(reader, uaj, file.DisplayName, data));
        }

        foreach (var file in responsables)
        {
            Stream(file, "BEE_RESPONSABLES", (reader, uaj) => ReadResponsables(reader, uaj, file.DisplayName, data));
        }

        foreach (var (personKey, responsibility, file, line) in _responsibilities)
        {
            if (data.Persons.TryGetValue(personKey, out var person))
            {
                person.Responsibilities.Add(responsibility);
            }
            else
            {
                report.Note(file, line, $"RESPONSABLE_ELEVE {personKey}", "responsable_inconnu",
                    $"la personne {personKey} n'est pas dans les PERSONNES de l'export : ligne ignorée.");
            }
        }

        _responsibilities.Clear();
        report.SieclePupilsRead = data.Pupils.Count;
        report.SieclePersonsRead = data.Persons.Count;
        return data;
    }

    private static void Stream(InputFile file, string root, Action<XmlReader, Func<string>> body)
    {
        try
        {
            using var reader = XmlInput.Open(file, root);
            string? uaj = null;
            var uajLine = 0;
            string Uaj() => uaj ?? throw new MigrationInputException(
                $"{file}:{XmlInput.Line(reader)} : PARAMETRES/UAJ absent avant les données : impossible de savoir de quel établissement il s'agit.",
                ExitCodes.UnsupportedInput);

            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "UAJ" && reader.Depth == 2 && uaj is null)
                {
                    uajLine = XmlInput.Line(reader);
                    var value = reader.ReadElementContentAsString().Trim();
                    uaj = Uai.IsValid(value)
                        ? Uai.Normalize(value)
                        : throw new MigrationInputException($"{file}:{uajLine} : PARAMETRES/UAJ « {value} » n'est pas un code UAJ valide.", ExitCodes.UnsupportedInput);
                    continue;
                }

                if (reader.NodeType == XmlNodeType.Element && reader.Depth == 3)
                {
                    body(reader, Uaj);
                }
            }
        }
        catch (XmlException e)
        {
            throw XmlInput.Malformed(file, e);
        }
    }

    private void ReadEleves(XmlReader reader, Func<string> uajOf, string file, SiecleData data)
    {
        // Depth 3 = the lists' items: DONNEES/ELEVES/ELEVE and DONNEES/STRUCTURES/STRUCTURES_ELEVE.
        while (reader.NodeType == XmlNodeType.Element && reader.Depth == 3)
        {
            var line = XmlInput.Line(reader);
            switch (reader.LocalName)
            {
                case "ELEVE":
                    ReadEleve(reader, uajOf(), file, line, data);
                    break;
                case "STRUCTURES_ELEVE":
                    ReadStructures(reader, uajOf(), data);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private void ReadEleve(XmlReader reader, string uaj, string file, int line, SiecleData data)
    {
        var id = reader.GetAttribute("ELEVE_ID")?.Trim();
        var elenoetAttribute = reader.GetAttribute("ELENOET")?.Trim();
        var f = RecordReader.ReadLeaves(reader);
        Count();
        var record = $"ELEVE {uaj}:{id}";
        var missing = Missing(("ELEVE_ID", id), ("NOM_DE_FAMILLE", f.NonEmpty("NOM_DE_FAMILLE")), ("PRENOM", f.NonEmpty("PRENOM")), ("DATE_NAISS", f.NonEmpty("DATE_NAISS")));
        if (missing is not null)
        {
            report.Reject(file, line, record, "champ_obligatoire_absent", $"{missing} absent : élève ignoré.");
            return;
        }

        if (!Values.TryDate(f["DATE_NAISS"], out var birth))
        {
            report.Reject(file, line, record, "date_invalide", $"DATE_NAISS « {f["DATE_NAISS"]} » n'est pas une date jj/mm/aaaa : élève ignoré.");
            return;
        }

        if (elenoetAttribute is { Length: > 0 } && f.NonEmpty("ELENOET") is { } elenoet && elenoet != elenoetAttribute)
        {
            report.Note(file, line, record, "anomalie_elenoet", $"l'attribut ELENOET ({elenoetAttribute}) diffère de l'élément ELENOET ({elenoet}) : toléré.");
        }

        var key = uaj + ":" + id;
        var firstNames = f["PRENOM"];
        if (f.NonEmpty("PRENOM2") is { } second)
        {
            firstNames += " " + second;
        }

        var pupil = new SieclePupil
        {
            Uaj = uaj,
            EleveId = id!,
            Key = key,
            Ine = f.NonEmpty("ID_NATIONAL"),
            FamilyName = Pooled(f["NOM_DE_FAMILLE"]),
            UsageName = Pooled(f.NonEmpty("NOM_USAGE")),
            FirstNames = Pooled(firstNames),
            BirthDate = birth,
            HasLeft = f.NonEmpty("DATE_SORTIE") is not null,
            File = file,
            Line = line,
        };
        if (data.Pupils.TryGetValue(key, out var previous))
        {
            if (previous.File == file)
            {
                report.Note(file, line, record, "doublon_enregistrement", $"ELEVE_ID déjà lu ligne {previous.Line} : la première occurrence est gardée.");
            }

            return;
        }

        data.Pupils.Add(key, pupil);
        data.Uajs.Add(uaj);
    }

    private void ReadStructures(XmlReader reader, string uaj, SiecleData data)
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
        if (id is not null && division is not null && data.Pupils.TryGetValue(uaj + ":" + id, out var pupil))
        {
            pupil.ClassName = Pooled(division);
        }
    }

    private void ReadResponsables(XmlReader reader, Func<string> uajOf, string file, SiecleData data)
    {
        var legalOnes = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.NodeType == XmlNodeType.Element && reader.Depth == 3)
        {
            var line = XmlInput.Line(reader);
            switch (reader.LocalName)
            {
                case "PERSONNE":
                    ReadPersonne(reader, uajOf(), file, line, data);
                    break;
                case "RESPONSABLE_ELEVE":
                    ReadResponsable(reader, uajOf(), file, line, legalOnes, data);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private void ReadPersonne(XmlReader reader, string uaj, string file, int line, SiecleData data)
    {
        var id = reader.GetAttribute("PERSONNE_ID")?.Trim();
        var f = RecordReader.ReadLeaves(reader);
        Count();
        var record = $"PERSONNE {uaj}:{id}";
        var missing = Missing(("PERSONNE_ID", id), ("NOM_DE_FAMILLE", f.NonEmpty("NOM_DE_FAMILLE")), ("PRENOM", f.NonEmpty("PRENOM")));
        if (missing is not null)
        {
            report.Reject(file, line, record, "champ_obligatoire_absent", $"{missing} absent : personne ignorée.");
            return;
        }

        var mobile = Values.Mobile(f.NonEmpty("TEL_PORTABLE"));
        if (mobile is null && f.NonEmpty("TEL_PORTABLE") is not null)
        {
            report.Note(file, line, record, "portable_invalide", "TEL_PORTABLE n'est pas un numéro valide : ignoré.");
        }

        var email = Values.Email(f.NonEmpty("MEL"));
        if (email is null && f.NonEmpty("MEL") is not null)
        {
            report.Note(file, line, record, "mel_invalide", "MEL n'est pas une adresse valide : ignorée.");
        }

        var key = uaj + ":" + id;
        if (data.Persons.TryGetValue(key, out var previous))
        {
            if (previous.File == file)
            {
                report.Note(file, line, record, "doublon_enregistrement", $"PERSONNE_ID déjà lu ligne {previous.Line} : la première occurrence est gardée.");
            }

            return;
        }

        data.Persons.Add(key, new SieclePerson
        {
            Uaj = uaj,
            PersonId = id!,
            Key = key,
            Civility = Pooled(f.NonEmpty("LC_CIVILITE")),
            FamilyName = Pooled(f["NOM_DE_FAMILLE"]),
            FirstName = Pooled(f["PRENOM"]),
            Mobile = mobile,
            Email = email,
            File = file,
            Line = line,
        });
        data.Uajs.Add(uaj);
    }

    private void ReadResponsable(XmlReader reader, string uaj, string file, int line, Dictionary<string, int> legalOnes, SiecleData data)
    {
        var f = RecordReader.ReadLeaves(reader);
        Count();
        var eleve = f.NonEmpty("ELEVE_ID");
        var personne = f.NonEmpty("PERSONNE_ID");
        var record = $"RESPONSABLE_ELEVE {uaj}:{personne}/{eleve}";
        ResponsibilityLevel? level = f.NonEmpty("NIVEAU_RESPONSABILITE") switch
        {
            "1" => ResponsibilityLevel.LegalRepresentative,
            "2" => ResponsibilityLevel.PersonInCharge,
            "3" => ResponsibilityLevel.Contact,
            null => f.NonEmpty("RESP_LEGAL") switch
            {
                // Before 2018: RESP_LEGAL 1 and 2 are the two legal representatives, 0 a contact.
                "1" or "2" => ResponsibilityLevel.LegalRepresentative,
                "0" => ResponsibilityLevel.Contact,
                _ => null,
            },
            _ => null,
        };
        var missing = Missing(("ELEVE_ID", eleve), ("PERSONNE_ID", personne),
            ("NIVEAU_RESPONSABILITE (ou RESP_LEGAL)", level is null ? null : "ok"));
        if (missing is not null)
        {
            report.Reject(file, line, record, "champ_obligatoire_absent", $"{missing} absent ou invalide : lien ignoré.");
            return;
        }

        if (f.NonEmpty("RESP_LEGAL") == "1" && f.NonEmpty("NIVEAU_RESPONSABILITE") is null)
        {
            var count = legalOnes[eleve!] = legalOnes.GetValueOrDefault(eleve!) + 1;
            if (count == 2)
            {
                report.Note(file, line, record, "deux_responsables_legaux_1", $"l'élève {uaj}:{eleve} a deux responsables RESP_LEGAL=1 : toléré, tous deux sont représentants légaux.");
            }
        }

        var pupilKey = uaj + ":" + eleve;
        var responsibility = new SiecleResponsibility(data.Pupils.TryGetValue(pupilKey, out var pupil) ? pupil.Key : pupilKey, level!.Value,
            Pooled(f.NonEmpty("CODE_PARENTE")));
        if (data.Persons.TryGetValue(uaj + ":" + personne, out var person))
        {
            person.Responsibilities.Add(responsibility);
        }
        else
        {
            // PERSONNES usually come first; when not, the line waits for the end of the reading.
            _responsibilities.Add((uaj + ":" + personne, responsibility, file, line));
        }
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

    private void Count()
    {
        _records++;
        if ((_records & 0x3FF) == 0)
        {
            onRecord?.Invoke(_records);
        }
    }

    private static string? Missing(params (string Name, string? Value)[] fields) =>
        fields.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Value)).Name;
}
