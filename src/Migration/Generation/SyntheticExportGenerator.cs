using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using SupportBot.AccountDirectory.Accounts;

namespace SupportBot.Migration.Generation;

/// <summary>
/// Writes realistic synthetic exports (ISO-8859-15, several établissements, some zipped): siblings across schools,
/// joint and personal accounts, parents holding several accounts, pupils who left, contacts, near-duplicate
/// parents, French names with accents and particles. The same seed gives byte-identical files.
/// </summary>
internal sealed class SyntheticExportGenerator(int accounts, int seed)
{
    private static readonly Encoding Latin9 = Encoding.GetEncoding("ISO-8859-15");

    private static readonly string[] FamilyNames =
    [
        "LE GOFF", "LE BIHAN", "GUÉGUEN", "QUÉRÉ", "MARTIN", "BERNARD", "PRIGENT", "LE GALL", "CORRE", "KERBRAT", "L'HÉLIAS", "DU PLESSIS",
        "DE LA VILLÉON", "D'ARGENTRÉ", "MÜLLER", "BŒUF", "LE ROUX", "MORVAN", "JAOUEN", "TANGUY", "HAMON", "RIOU", "LE MEUR", "NICOLAS",
        "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFÈVRE", "LEROY", "ROUX",
        "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER",
        "LEFEBVRE", "FAURE", "ANDRÉ", "MERCIER", "BLANC", "GUÉRIN", "BOYER", "GARNIER", "CHEVALIER", "FRANÇOIS", "LEGRAND", "GAUTHIER",
        "GARCIA", "PERRIN", "ROBIN", "CLÉMENT", "MORIN", "NOËL", "HENRY", "ROUSSEL", "MATHIEU", "GAUTIER", "MASSON", "MARCHAND", "DUVAL",
        "DENIS", "DUMONT", "MARIE", "LEMAIRE", "LE CORRE", "CADIOU", "LE BRIS", "GUILLOU", "LE FLOCH", "PERON", "SALAÜN", "ABGRALL",
        "LE DREAU", "GOURIOU", "KERGOAT", "LE BRETON", "POSTEC", "LE MOAL", "OLLIVIER", "COAT", "DANIELOU", "N'DIAYE", "NGUYEN", "DA SILVA",
    ];

    private static readonly string[] Mothers =
    [
        "Anne", "Maëlle", "Chloé", "Léa", "Anaïs", "Hélène", "Gaëlle", "Rozenn", "Ève", "Zoé", "Nolwenn", "Sophie", "Isabelle", "Céline",
        "Aurélie", "Émilie", "Marie-Hélène", "Soizic", "Katell", "Elodie", "Nathalie", "Sandrine", "Stéphanie", "Valérie", "Agnès", "Béatrice",
        "Clémence", "Delphine", "Fanny", "Géraldine", "Inès", "Joëlle", "Laëtitia", "Mélanie", "Noémie", "Océane", "Pauline", "Rachel",
    ];

    private static readonly string[] Fathers =
    [
        "Jérôme", "François", "Loïc", "Yannick", "Erwan", "Gwénaël", "Yann", "Ronan", "Jean-Michel", "Hervé", "Frédéric", "Stéphane",
        "Sébastien", "Nicolas", "Thomas", "Julien", "Cédric", "Grégory", "Mickaël", "Noël", "Pierre", "Benoît", "Christophe", "Damien",
        "Émile", "Fabrice", "Gaël", "Hugues", "Joël", "Kévin", "Laurent", "Mathieu", "Olivier", "Pascal", "Raphaël", "Tanguy",
    ];

    private static readonly string[] Children =
    [
        "Noé", "Léo", "Maël", "Inès", "Jade", "Lou", "Zoé", "Chloé", "Hugo", "Gabriel", "Raphaël", "Louise", "Ambre", "Éléonore", "Timéo",
        "Clément", "Anaëlle", "Lïa", "Héloïse", "Mathéo", "Nolan", "Élise", "Capucine", "Côme", "Gaspard", "Jules", "Lucie", "Manon",
    ];

    private readonly Random _random = new(seed);
    private readonly List<School> _schools = [];
    private readonly List<LegacyRecord> _legacy = [];
    private int _personCounter;
    private int _pupilCounter;

    public GenerationResult Write(string folder)
    {
        var schoolCount = Math.Max(2, (accounts + 699) / 700);
        for (var i = 0; i < schoolCount; i++)
        {
            _schools.Add(new School($"035{1000 + i:D4}{(char)('A' + (i % 26))}"));
        }

        var family = 0;
        while (_legacy.Count < accounts)
        {
            AddFamily((int)Math.Min(schoolCount - 1, (long)family++ * schoolCount / Math.Max(1, accounts * 4 / 5)));
        }

        var siecle = Path.Combine(folder, "siecle");
        System.IO.Directory.CreateDirectory(siecle);
        for (var i = 0; i < _schools.Count; i++)
        {
            WriteSchool(_schools[i], siecle, zipped: i % 3 == 1);
        }

        var comptes = Path.Combine(folder, "ComptesTeleservices.xml");
        WriteComptes(comptes);
        return new GenerationResult(siecle, comptes, _schools.Count, _schools.Sum(s => s.Persons.Count), _schools.Sum(s => s.Pupils.Count), _legacy.Count);
    }

    private void AddFamily(int homeIndex)
    {
        var home = _schools[homeIndex];
        var familyName = Pick(FamilyNames);
        if (Chance(0.04))
        {
            familyName += "-" + Pick(FamilyNames);
        }

        var parents = new List<Parent> { NewParent("MME", Pick(Mothers), familyName) };
        if (Chance(0.85))
        {
            parents.Add(NewParent("M.", Pick(Fathers), Chance(0.1) ? Pick(FamilyNames) : familyName));
        }

        var childCount = 1 + _random.Next(3);
        var other = _schools[(homeIndex + 1 + _random.Next(_schools.Count - 1)) % _schools.Count];
        var bySchool = new Dictionary<School, List<Pupil>>();
        for (var c = 0; c < childCount; c++)
        {
            var school = c > 0 && Chance(0.2) ? other : home;
            var pupil = new Pupil((++_pupilCounter + 1_800_000).ToString(CultureInfo.InvariantCulture), Pick(Children), familyName,
                new DateOnly(2008 + _random.Next(13), 1 + _random.Next(12), 1 + _random.Next(28)), Chance(0.04), $"{3 + _random.Next(4)}{(char)('A' + _random.Next(4))}");
            school.Pupils.Add(pupil);
            if (!bySchool.TryGetValue(school, out var list))
            {
                bySchool[school] = list = [];
            }

            list.Add(pupil);
        }

        foreach (var (school, pupils) in bySchool)
        {
            foreach (var parent in parents)
            {
                // One record per établissement, as SIECLE has; a few second records differ by their e-mail (near duplicates).
                var email = school != home && parent.Email.Length > 0 && Chance(0.03) ? "autre." + parent.Email : parent.Email;
                var person = new PersonRecord((++_personCounter + 200_000).ToString(CultureInfo.InvariantCulture), parent, email);
                school.Persons.Add(person);
                parent.Records[school] = person;
                foreach (var pupil in pupils)
                {
                    school.Links.Add((pupil, person, parent.Civility == "MME" ? "10" : "20", Chance(0.02) ? "3" : "1"));
                }
            }

            if (Chance(0.05))
            {
                var grandParent = new PersonRecord((++_personCounter + 200_000).ToString(CultureInfo.InvariantCulture),
                    NewParent("MME", Pick(Mothers), familyName), null);
                school.Persons.Add(grandParent);
                school.Links.Add((pupils[0], grandParent, "38", "3"));
            }
        }

        var homePupils = bySchool.GetValueOrDefault(home) ?? bySchool.First().Value;
        var homeSchool = bySchool.ContainsKey(home) ? home : bySchool.First().Key;
        if (parents.Count == 2 && Chance(0.3))
        {
            AddLegacy(true, [parents[0], parents[1]], homeSchool, homePupils);
        }
        else
        {
            foreach (var parent in parents.Where((_, i) => i == 0 ? Chance(0.9) : Chance(0.4)))
            {
                AddLegacy(false, [parent], homeSchool, homePupils);
            }
        }

        foreach (var (school, pupils) in bySchool.Where(b => b.Key != homeSchool))
        {
            if (Chance(0.3))
            {
                AddLegacy(false, [parents[0]], school, pupils);
            }
        }
    }

    private Parent NewParent(string civility, string first, string family)
    {
        var n = ++_personCounter;
        var mobile = (600000000L + (n * 7919L % 100_000_000L)).ToString(CultureInfo.InvariantCulture);
        var formatted = n % 2 == 0 ? "0" + mobile : "+33" + mobile;
        if (n % 4 == 1)
        {
            formatted = string.Join(' ', Enumerable.Range(0, 5).Select(i => ("0" + mobile).Substring(i * 2, 2)));
        }

        var email = Chance(0.85) ? $"{IdentifierGenerator.Fold(first)}.{IdentifierGenerator.Fold(family)}{n}@example.fr" : null;
        return new Parent(civility, first, family, Chance(0.92) ? formatted : null, email ?? "");
    }

    private void AddLegacy(bool joint, Parent[] holders, School school, List<Pupil> pupils)
    {
        if (_legacy.Count >= accounts)
        {
            return;
        }

        var first = holders[0];
        var email = Chance(0.8) ? (first.Email.Length > 0 ? first.Email : $"parent{_legacy.Count}@example.org") : null;
        var created = new DateOnly(2012 + _random.Next(8), 1 + _random.Next(12), 1 + _random.Next(28));
        DateOnly? lastLogin = Chance(0.7) ? created.AddDays(_random.Next(2000)) : null;
        var attachments = new List<(Pupil, PersonRecord)>();
        foreach (var pupil in pupils)
        {
            foreach (var holder in holders)
            {
                attachments.Add((pupil, holder.Records[school]));
            }
        }

        if (Chance(0.02))
        {
            // A code typed for a pupil that is no longer in this établissement's export.
            attachments.Add((new Pupil("9" + _legacy.Count.ToString(CultureInfo.InvariantCulture), "X", "X", default, true, null), first.Records[school]));
        }

        _legacy.Add(new LegacyRecord((100_000 + _legacy.Count).ToString(CultureInfo.InvariantCulture), joint,
            $"{IdentifierGenerator.Fold(first.FirstName)}{IdentifierGenerator.Fold(first.FamilyName)}{_legacy.Count}", email, email is not null && Chance(0.75),
            created, lastLogin, holders.Select(h => h.Records[school]).ToArray(), school, attachments));
    }

    private void WriteSchool(School school, string siecle, bool zipped)
    {
        if (zipped)
        {
            var zipFolder = Path.Combine(siecle, "archives");
            System.IO.Directory.CreateDirectory(zipFolder);
            using var zip = ZipFile.Open(Path.Combine(zipFolder, $"ExportXML_{school.Uaj}.zip"), ZipArchiveMode.Create);
            using (var stream = zip.CreateEntry("ElevesSansAdresses.xml", CompressionLevel.Fastest).Open())
            {
                WriteEleves(school, stream);
            }

            using (var stream = zip.CreateEntry("ResponsablesAvecAdresses.xml", CompressionLevel.Fastest).Open())
            {
                WriteResponsables(school, stream);
            }

            return;
        }

        var folder = Path.Combine(siecle, school.Uaj);
        System.IO.Directory.CreateDirectory(folder);
        using (var stream = File.Create(Path.Combine(folder, "ElevesSansAdresses.xml")))
        {
            WriteEleves(school, stream);
        }

        using (var stream = File.Create(Path.Combine(folder, "ResponsablesAvecAdresses.xml")))
        {
            WriteResponsables(school, stream);
        }
    }

    private static XmlWriter Writer(Stream stream) =>
        XmlWriter.Create(stream, new XmlWriterSettings { Encoding = Latin9, Indent = true, IndentChars = "  " });

    private static void Parameters(XmlWriter w, string uaj)
    {
        w.WriteStartElement("PARAMETRES");
        w.WriteElementString("UAJ", uaj);
        w.WriteElementString("ANNEE_SCOLAIRE", "2025");
        w.WriteElementString("DATE_EXPORT", "02/06/2026");
        w.WriteElementString("HORODATAGE", "02/06/2026 19:01:46");
        w.WriteEndElement();
    }

    private static void WriteEleves(School school, Stream stream)
    {
        using var w = Writer(stream);
        w.WriteStartElement("BEE_ELEVES");
        w.WriteAttributeString("VERSION", "3.0");
        Parameters(w, school.Uaj);
        w.WriteStartElement("DONNEES");
        w.WriteStartElement("ELEVES");
        foreach (var p in school.Pupils)
        {
            w.WriteStartElement("ELEVE");
            w.WriteAttributeString("ELEVE_ID", p.Id);
            w.WriteAttributeString("ELENOET", p.Id[^4..]);
            w.WriteElementString("ELENOET", p.Id[^4..]);
            w.WriteElementString("NOM_DE_FAMILLE", p.FamilyName);
            w.WriteElementString("PRENOM", p.FirstName);
            w.WriteElementString("DATE_NAISS", p.BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            w.WriteElementString("DATE_SORTIE", p.HasLeft ? "15/01/2026" : "");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("STRUCTURES");
        foreach (var p in school.Pupils.Where(p => p.ClassName is not null))
        {
            w.WriteStartElement("STRUCTURES_ELEVE");
            w.WriteAttributeString("ELEVE_ID", p.Id);
            w.WriteStartElement("STRUCTURE");
            w.WriteElementString("CODE_STRUCTURE", p.ClassName);
            w.WriteElementString("TYPE_STRUCTURE", "D");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteResponsables(School school, Stream stream)
    {
        using var w = Writer(stream);
        w.WriteStartElement("BEE_RESPONSABLES");
        w.WriteAttributeString("VERSION", "2.1");
        Parameters(w, school.Uaj);
        w.WriteStartElement("DONNEES");
        w.WriteStartElement("PERSONNES");
        foreach (var p in school.Persons)
        {
            w.WriteStartElement("PERSONNE");
            w.WriteAttributeString("PERSONNE_ID", p.Id);
            w.WriteElementString("LC_CIVILITE", p.Parent.Civility);
            w.WriteElementString("NOM_DE_FAMILLE", p.Parent.FamilyName);
            w.WriteElementString("PRENOM", p.Parent.FirstName);
            w.WriteElementString("TEL_PORTABLE", p.Parent.Mobile ?? "");
            w.WriteElementString("MEL", p.Email ?? "");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("RESPONSABLES");
        foreach (var (pupil, person, code, level) in school.Links)
        {
            w.WriteStartElement("RESPONSABLE_ELEVE");
            w.WriteElementString("ELEVE_ID", pupil.Id);
            w.WriteElementString("PERSONNE_ID", person.Id);
            w.WriteElementString("NIVEAU_RESPONSABILITE", level);
            w.WriteElementString("CODE_PARENTE", code);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private void WriteComptes(string path)
    {
        using var stream = File.Create(path);
        using var w = Writer(stream);
        w.WriteStartElement("TELESERVICES_COMPTES");
        w.WriteAttributeString("VERSION", "1.0");
        w.WriteStartElement("PARAMETRES");
        w.WriteElementString("ACADEMIE", "RENNES");
        w.WriteElementString("DATE_EXPORT", "20/11/2026");
        w.WriteEndElement();
        w.WriteStartElement("DONNEES");
        w.WriteStartElement("COMPTES");
        var codes = new Random(seed + 1);
        foreach (var a in _legacy)
        {
            w.WriteStartElement("COMPTE");
            w.WriteAttributeString("COMPTE_ID", a.Id);
            w.WriteAttributeString("TYPE", a.Joint ? "JOINT" : "PERSONNEL");
            w.WriteElementString("IDENTIFIANT", a.Identifier);
            w.WriteElementString("MEL", a.Email ?? "");
            w.WriteElementString("MEL_CONFIRME", a.EmailConfirmed ? "1" : "0");
            w.WriteElementString("DATE_CREATION", a.Created.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            w.WriteElementString("DERNIERE_CONNEXION", a.LastLogin?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "");
            w.WriteStartElement("TITULAIRES");
            foreach (var h in a.Holders)
            {
                w.WriteStartElement("TITULAIRE");
                w.WriteAttributeString("UAJ", a.School.Uaj);
                w.WriteAttributeString("PERSONNE_ID", h.Id);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteStartElement("RATTACHEMENTS");
            foreach (var (pupil, person) in a.Attachments)
            {
                w.WriteStartElement("RATTACHEMENT");
                w.WriteAttributeString("UAJ", a.School.Uaj);
                w.WriteAttributeString("ELEVE_ID", pupil.Id);
                w.WriteAttributeString("PERSONNE_ID", person.Id);
                w.WriteAttributeString("CODE_ACTIVATION", new string(Enumerable.Range(0, 8).Select(_ => "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[codes.Next(32)]).ToArray()));
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private sealed class School(string uaj)
    {
        public string Uaj { get; } = uaj;

        public List<Pupil> Pupils { get; } = [];

        public List<PersonRecord> Persons { get; } = [];

        public List<(Pupil Pupil, PersonRecord Person, string Code, string Level)> Links { get; } = [];
    }

    private sealed record Pupil(string Id, string FirstName, string FamilyName, DateOnly BirthDate, bool HasLeft, string? ClassName);

    private sealed record Parent(string Civility, string FirstName, string FamilyName, string? Mobile, string Email)
    {
        public Dictionary<School, PersonRecord> Records { get; } = [];
    }

    private sealed record PersonRecord(string Id, Parent Parent, string? Email);

    private sealed record LegacyRecord(string Id, bool Joint, string Identifier, string? Email, bool EmailConfirmed, DateOnly Created, DateOnly? LastLogin,
        PersonRecord[] Holders, School School, List<(Pupil, PersonRecord)> Attachments);
}

internal sealed record GenerationResult(string SiecleFolder, string ComptesFile, int Schools, int Persons, int Pupils, int Accounts);
