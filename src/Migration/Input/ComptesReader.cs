using System.Xml;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Input;

/// <summary>Streams ComptesTeleservices.xml (root TELESERVICES_COMPTES, format in DOMAIN.md) into legacy accounts.</summary>
internal sealed class ComptesReader(MigrationReport report, RecordKeys keys, Action? tick = null)
{
    public const string Root = "TELESERVICES_COMPTES";

    private readonly RecordFields<Compte> _fields = new(
        (Compte.Identifier, "IDENTIFIANT"), (Compte.Email, "MEL"), (Compte.EmailConfirmed, "MEL_CONFIRME"), (Compte.CreatedOn, "DATE_CREATION"),
        (Compte.LastLoginOn, "DERNIERE_CONNEXION"));
    private readonly List<(string? Uaj, string? PersonId, int Line)> _holders = [];
    private readonly List<(string? Uaj, string? EleveId, string? PersonId, int Line)> _attachments = [];

    // The UAJs' ranks in the run's keys, without taking their lock for every key.
    private readonly Dictionary<string, int> _ranks = new(StringComparer.Ordinal);
    private Action<System.Xml.XmlReader>? _onElement;

    private readonly LegacyData _data = new();

    public LegacyData Read(InputFile file, CancellationToken cancellationToken = default)
    {
        var accounts = _data.Accounts;

        // COMPTE_IDs are numbers but in odd exports: no string kept for each of a million accounts.
        var seen = new Dictionary<long, int>();
        var seenTexts = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlInput.Open(file, Root);
            while (reader.Read())
            {
                while (reader.NodeType == XmlNodeType.Element && reader.Depth == 3 && reader.LocalName == "COMPTE")
                {
                    var account = ReadCompte(reader, file.DisplayName);
                    report.LegacyAccountsRead++;
                    tick?.Invoke();
                    if ((report.LegacyAccountsRead & 0x3FF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (account is null)
                    {
                        continue;
                    }

                    if (account.CompteNumber >= 0 ? !seen.TryAdd(account.CompteNumber, account.Line) : !seenTexts.TryAdd(account.CompteId, account.Line))
                    {
                        var firstLine = account.CompteNumber >= 0 ? seen[account.CompteNumber] : seenTexts[account.CompteId];
                        _data.Attachments.DropLast(account.AttachmentCount);
                        report.Reject(file.DisplayName, account.Line, $"COMPTE {account.CompteId}", "doublon_enregistrement",
                            $"COMPTE_ID déjà lu ligne {firstLine} : ce second compte est ignoré.");
                        continue;
                    }

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

        return _data;
    }

    /// <summary>
    /// Most accounts' address is their holder's MEL in SIECLE: once the exports are read, one string for both (the
    /// accounts were read on another thread and could not share it sooner).
    /// </summary>
    public static void ShareEmails(LegacyData legacy, SiecleData siecle)
    {
        foreach (var account in legacy.Accounts)
        {
            if (account.Email is { } email && siecle.Persons.TryGetValue(account.FirstHolder, out var holder) && holder.Email == email)
            {
                account.Email = holder.Email;
            }
        }
    }

    private LegacyAccount? ReadCompte(XmlReader reader, string file)
    {
        var line = XmlInput.Line(reader);
        var id = reader.GetAttribute("COMPTE_ID")?.Trim();
        var type = reader.GetAttribute("TYPE")?.Trim().ToUpperInvariant();
        var holders = _holders;
        var attachments = _attachments;
        holders.Clear();
        attachments.Clear();
        var f = _fields;
        f.Read(reader, _onElement ??= element =>
        {
            switch (element.LocalName)
            {
                case "TITULAIRE":
                    _holders.Add((element.GetAttribute("UAJ"), element.GetAttribute("PERSONNE_ID"), XmlInput.Line(element)));
                    break;
                case "RATTACHEMENT":
                    _attachments.Add((element.GetAttribute("UAJ"), element.GetAttribute("ELEVE_ID"), element.GetAttribute("PERSONNE_ID"), XmlInput.Line(element)));
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

        var identifier = f.NonEmpty(Compte.Identifier)?.ToLowerInvariant();
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

        var email = Values.Email(f.NonEmpty(Compte.Email));
        if (email is null && f.NonEmpty(Compte.Email) is not null)
        {
            report.Note(file, line, record, "mel_invalide", "MEL n'est pas une adresse valide : le compte est repris sans adresse.");
        }

        DateOnly? Date(Compte field)
        {
            var value = f.NonEmpty(field);
            if (value is null)
            {
                return null;
            }

            if (Values.TryDate(value, out var date))
            {
                return date;
            }

            report.Note(file, line, record, "date_invalide", $"{f.Element(field)} « {value} » n'est pas une date jj/mm/aaaa : ignorée.");
            return null;
        }

        var store = _data.Attachments;
        var start = store.Count;
        foreach (var a in attachments)
        {
            if (!Uai.IsValid(a.Uaj) || string.IsNullOrWhiteSpace(a.EleveId) || string.IsNullOrWhiteSpace(a.PersonId))
            {
                report.Reject(file, a.Line, record, "champ_obligatoire_absent", "RATTACHEMENT sans UAJ, ELEVE_ID ou PERSONNE_ID : rattachement ignoré.");
                continue;
            }

            store.Add(Key(a.Uaj!, a.EleveId!), Key(a.Uaj!, a.PersonId!), a.Line);
        }

        return new LegacyAccount
        {
            CompteId = id,
            IsJoint = type == "JOINT",
            Identifier = identifier,
            Email = email,
            EmailConfirmed = email is not null && Values.IsTrue(f.NonEmpty(Compte.EmailConfirmed)),
            CreatedOn = Date(Compte.CreatedOn) ?? DateOnly.MinValue,
            LastLoginOn = Date(Compte.LastLoginOn) ?? DateOnly.MinValue,
            FirstHolder = Key(holders[0].Uaj!, holders[0].PersonId!),
            SecondHolder = holders.Count > 1 ? Key(holders[1].Uaj!, holders[1].PersonId!) : 0,
            AttachmentStart = start,
            AttachmentCount = store.Count - start,
            File = file,
            Line = line,
        };
    }

    private long Key(string uaj, string id)
    {
        var normalized = Uai.Normalize(uaj);
        if (!_ranks.TryGetValue(normalized, out var rank))
        {
            _ranks.Add(normalized, rank = keys.Rank(normalized));
        }

        return keys.Key(rank, normalized, id);
    }

    /// <summary>The fields of a COMPTE that are read (its TITULAIRE and RATTACHEMENT elements are read as they come).</summary>
    private enum Compte
    {
        Identifier,
        Email,
        EmailConfirmed,
        CreatedOn,
        LastLoginOn,
    }
}
