using System.IO.Compression;
using System.Text;

namespace SupportBot.Migration.Tests.Support;

/// <summary>Small hand-written SIECLE and téléservices exports, written the way SIECLE writes them (ISO-8859-15 by default).</summary>
internal sealed class Exports
{
    private static readonly Encoding Latin9 = GetLatin9();

    private readonly Dictionary<string, School> _schools = new(StringComparer.Ordinal);
    private readonly List<string> _accounts = [];

    public School For(string uaj)
    {
        if (!_schools.TryGetValue(uaj, out var school))
        {
            _schools[uaj] = school = new School(uaj);
        }

        return school;
    }

    /// <summary>A COMPTE; holders and attachments as "UAJ:PERSONNE_ID" and "UAJ:ELEVE_ID:PERSONNE_ID".</summary>
    public Exports Account(string id, string type, string identifier, string? mel, bool confirmed, string[] holders, string[] attachments,
        string created = "12/09/2017", string lastLogin = "")
    {
        var titulaires = string.Concat(holders.Select(h => h.Split(':')).Select(h => $"""<TITULAIRE UAJ="{h[0]}" PERSONNE_ID="{h[1]}"/>"""));
        var rattachements = string.Concat(attachments.Select(a => a.Split(':'))
            .Select(a => $"""<RATTACHEMENT UAJ="{a[0]}" ELEVE_ID="{a[1]}" PERSONNE_ID="{a[2]}" CODE_ACTIVATION="K7Q2M9XD"/>"""));
        _accounts.Add($"""
                <COMPTE COMPTE_ID="{id}" TYPE="{type}">
                  <IDENTIFIANT>{identifier}</IDENTIFIANT><MEL>{mel}</MEL><MEL_CONFIRME>{(confirmed ? 1 : 0)}</MEL_CONFIRME>
                  <DATE_CREATION>{created}</DATE_CREATION><DERNIERE_CONNEXION>{lastLogin}</DERNIERE_CONNEXION>
                  <TITULAIRES>{titulaires}</TITULAIRES>
                  <RATTACHEMENTS>{rattachements}</RATTACHEMENTS>
                </COMPTE>
            """);
        return this;
    }

    /// <summary>Writes siecle/&lt;UAJ&gt;/*.xml (or zips the schools listed) and ComptesTeleservices.xml under <paramref name="folder"/>.</summary>
    public (string Siecle, string Comptes) Write(string folder, params string[] zipped)
    {
        var siecle = Path.Combine(folder, "siecle");
        System.IO.Directory.CreateDirectory(siecle);
        foreach (var school in _schools.Values)
        {
            if (zipped.Contains(school.Uaj))
            {
                var zip = Path.Combine(siecle, "archives", $"ExportXML_{school.Uaj}.zip");
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(zip)!);
                using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
                using (var stream = archive.CreateEntry("ElevesSansAdresses.xml").Open())
                {
                    stream.Write(Latin9.GetBytes(school.ElevesXml()));
                }

                using (var stream = archive.CreateEntry("ResponsablesAvecAdresses.xml").Open())
                {
                    stream.Write(Latin9.GetBytes(school.ResponsablesXml()));
                }
            }
            else
            {
                var dir = Path.Combine(siecle, "etab-" + school.Uaj);
                System.IO.Directory.CreateDirectory(dir);
                File.WriteAllBytes(Path.Combine(dir, "ElevesSansAdresses.xml"), Latin9.GetBytes(school.ElevesXml()));
                File.WriteAllBytes(Path.Combine(dir, "ResponsablesAvecAdresses.xml"), Latin9.GetBytes(school.ResponsablesXml()));
            }
        }

        var comptes = Path.Combine(folder, "ComptesTeleservices.xml");
        File.WriteAllBytes(comptes, Latin9.GetBytes(ComptesXml()));
        return (siecle, comptes);
    }

    public string ComptesXml() => $"""
        <?xml version="1.0" encoding="ISO-8859-15"?>
        <TELESERVICES_COMPTES VERSION="1.0">
          <PARAMETRES><ACADEMIE>RENNES</ACADEMIE><DATE_EXPORT>20/11/2026</DATE_EXPORT></PARAMETRES>
          <DONNEES><COMPTES>
        {string.Concat(_accounts)}
          </COMPTES></DONNEES>
        </TELESERVICES_COMPTES>
        """;

    public static Encoding GetLatin9()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("ISO-8859-15");
    }

    internal sealed class School(string uaj)
    {
        private readonly List<string> _pupils = [];
        private readonly List<string> _persons = [];
        private readonly List<string> _links = [];

        public string Uaj { get; } = uaj;

        public School Pupil(string id, string family, string first, string birth = "22/12/2012", bool left = false)
        {
            _pupils.Add($"""
                    <ELEVE ELEVE_ID="{id}" ELENOET="{id}">
                      <NOM_DE_FAMILLE>{family}</NOM_DE_FAMILLE><PRENOM>{first}</PRENOM><DATE_NAISS>{birth}</DATE_NAISS>
                      <DATE_SORTIE>{(left ? "15/01/2026" : "")}</DATE_SORTIE>
                    </ELEVE>
                """);
            return this;
        }

        public School Person(string id, string family, string first, string? mobile = null, string? mel = null)
        {
            _persons.Add($"""
                    <PERSONNE PERSONNE_ID="{id}">
                      <LC_CIVILITE>MME</LC_CIVILITE><NOM_DE_FAMILLE>{family}</NOM_DE_FAMILLE><PRENOM>{first}</PRENOM>
                      <TEL_PORTABLE>{mobile}</TEL_PORTABLE><MEL>{mel}</MEL>
                    </PERSONNE>
                """);
            return this;
        }

        public School Responsible(string eleve, string personne, int level = 1)
        {
            _links.Add($"""
                    <RESPONSABLE_ELEVE><ELEVE_ID>{eleve}</ELEVE_ID><PERSONNE_ID>{personne}</PERSONNE_ID><NIVEAU_RESPONSABILITE>{level}</NIVEAU_RESPONSABILITE><CODE_PARENTE>10</CODE_PARENTE></RESPONSABLE_ELEVE>
                """);
            return this;
        }

        public string ElevesXml() => $"""
            <?xml version="1.0" encoding="ISO-8859-15"?>
            <BEE_ELEVES VERSION="3.0">
              <PARAMETRES><UAJ>{Uaj}</UAJ><ANNEE_SCOLAIRE>2025</ANNEE_SCOLAIRE></PARAMETRES>
              <DONNEES><ELEVES>
            {string.Concat(_pupils)}
              </ELEVES></DONNEES>
            </BEE_ELEVES>
            """;

        public string ResponsablesXml() => $"""
            <?xml version="1.0" encoding="ISO-8859-15"?>
            <BEE_RESPONSABLES VERSION="2.1">
              <PARAMETRES><UAJ>{Uaj}</UAJ><ANNEE_SCOLAIRE>2025</ANNEE_SCOLAIRE></PARAMETRES>
              <DONNEES>
                <PERSONNES>
            {string.Concat(_persons)}
                </PERSONNES>
                <RESPONSABLES>
            {string.Concat(_links)}
                </RESPONSABLES>
              </DONNEES>
            </BEE_RESPONSABLES>
            """;
    }
}
