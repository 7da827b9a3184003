using System.Xml;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Input;

/// <summary>Streams ComptesTeleservices.xml (root TELESERVICES_COMPTES, format in DOMAIN.md) into legacy accounts.</summary>
internal sealed class ComptesReader(MigrationReport report, Action<long>? onRecord = null, SiecleData? siecle = null)
{
    public const string Root = "TELESERVICES_COMPTES";

    public List<LegacyAccount> Read(InputFile file)
    {
        var accounts = new List<LegacyAccount>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlInput.Open(file, Root);
            while (reader.Read())
            {
                while (reader.NodeType == XmlNodeType.Element && reader.Depth == 3 && reader.LocalName == "COMPTE")
                {
                    var account = ReadCompte(reader, file.DisplayName);
                    report.LegacyAccountsRead++;
                    if ((report.LegacyAccountsRead & 0x3FF) == 0)
                    {
                        onRecord?.Invoke(report.LegacyAccountsRead);
                    }

                    if (account is null)
                    {
                        continue;
                    }

                    if (seen.TryGetValue(account.CompteId, out var firstLine))
                    {
                        report.Reject(file.DisplayName, account.Line, $"COMPTE {account.CompteId}", "doublon_enregistrement",
                            $"COMPTE_ID déjà lu ligne {firstLine} : ce second compte est ignoré.");
                        continue;
                    }

                    seen.Add(account.CompteId, account.Line);
                    accounts.Add(account);
                    if (account.IsJoint)
                    {
                        report.JointAccounts++;
                    }
                    else
                    {
                        report.PersonalAccounts++;
                    }
                }
            }
        }
        catch (XmlException e)
        {
            throw XmlInput.Malformed(file, e);
        }

        return accounts;
    }

    // The keys of a million accounts' attachments would otherwise be a million more strings equal to SIECLE's own.
    private string PupilKey(string key) => siecle is not null && siecle.Pupils.TryGetValue(key, out var pupil) ? pupil.Key : key;

    private string PersonKey(string key) => siecle is not null && siecle.Persons.TryGetValue(key, out var person) ? person.Key : key;

    private LegacyAccount? ReadCompte(XmlReader reader, string file)
    {
        var line = XmlInput.Line(reader);
        var id = reader.GetAttribute("COMPTE_ID")?.Trim();
        var type = reader.GetAttribute("TYPE")?.Trim().ToUpperInvariant();
        var holders = new List<(string? Uaj, string? PersonId, int Line)>();
        var attachments = new List<(string? Uaj, string? EleveId, string? PersonId, int Line)>();
        var f = RecordReader.ReadLeaves(reader, element =>
        {
            switch (element.LocalName)
            {
                case "TITULAIRE":
                    holders.Add((element.GetAttribute("UAJ"), element.GetAttribute("PERSONNE_ID"), XmlInput.Line(element)));
                    break;
                case "RATTACHEMENT":
                    attachments.Add((element.GetAttribute("UAJ"), element.GetAttribute("ELEVE_ID"), element.GetAttribute("PERSONNE_ID"), XmlInput.Line(element)));
                    break;
            }
        });

        var record = $"COMPTE {id}";
        string? Reject(string reason, string detail)
        {
            report.Reject(file, line, record, reason, detail);
            return null;
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            Reject("champ_obligatoire_absent", "COMPTE_ID absent : compte ignoré.");
            return null;
        }

        if (type is not ("PERSONNEL" or "JOINT"))
        {
            Reject(type is null ? "champ_obligatoire_absent" : "type_compte_inconnu",
                $"TYPE « {type} » : PERSONNEL ou JOINT attendu ; compte ignoré.");
            return null;
        }

        var identifier = f.NonEmpty("IDENTIFIANT")?.ToLowerInvariant();
        if (identifier is null)
        {
            Reject("champ_obligatoire_absent", "IDENTIFIANT absent : compte ignoré.");
            return null;
        }

        var expected = type == "JOINT" ? 2 : 1;
        if (holders.Count != expected)
        {
            Reject("titulaires_incoherents", $"{holders.Count} TITULAIRE pour un compte {type} ({expected} attendu{(expected > 1 ? "s" : "")}) : compte ignoré.");
            return null;
        }

        foreach (var holder in holders)
        {
            if (!Uai.IsValid(holder.Uaj) || string.IsNullOrWhiteSpace(holder.PersonId))
            {
                Reject("champ_obligatoire_absent", $"TITULAIRE ligne {holder.Line} sans UAJ valide ou sans PERSONNE_ID : compte ignoré.");
                return null;
            }
        }

        var email = Values.Email(f.NonEmpty("MEL"));
        if (email is null && f.NonEmpty("MEL") is not null)
        {
            report.Note(file, line, record, "mel_invalide", "MEL n'est pas une adresse valide : le compte est repris sans adresse.");
        }

        DateOnly? Date(string name)
        {
            var value = f.NonEmpty(name);
            if (value is null)
            {
                return null;
            }

            if (Values.TryDate(value, out var date))
            {
                return date;
            }

            report.Note(file, line, record, "date_invalide", $"{name} « {value} » n'est pas une date jj/mm/aaaa : ignorée.");
            return null;
        }

        var kept = new List<LegacyAttachment>(attachments.Count);
        foreach (var a in attachments)
        {
            if (!Uai.IsValid(a.Uaj) || string.IsNullOrWhiteSpace(a.EleveId) || string.IsNullOrWhiteSpace(a.PersonId))
            {
                report.Reject(file, a.Line, record, "champ_obligatoire_absent", "RATTACHEMENT sans UAJ, ELEVE_ID ou PERSONNE_ID : rattachement ignoré.");
                continue;
            }

            var uaj = Uai.Normalize(a.Uaj);
            kept.Add(new LegacyAttachment(PupilKey(uaj + ":" + a.EleveId.Trim()), PersonKey(uaj + ":" + a.PersonId.Trim()), a.Line));
        }

        return new LegacyAccount
        {
            CompteId = id,
            IsJoint = type == "JOINT",
            Identifier = identifier,
            Email = email,
            EmailConfirmed = email is not null && Values.IsTrue(f.NonEmpty("MEL_CONFIRME")),
            CreatedOn = Date("DATE_CREATION"),
            LastLoginOn = Date("DERNIERE_CONNEXION"),
            Holders = holders.Select(h => PersonKey(Uai.Normalize(h.Uaj) + ":" + h.PersonId!.Trim())).ToList(),
            Attachments = kept,
            File = file,
            Line = line,
        };
    }
}
