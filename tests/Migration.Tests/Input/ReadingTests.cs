using System.Text;
using SupportBot.Migration.Tests.Support;

namespace SupportBot.Migration.Tests.Input;

/// <summary>Rule 12 and the input formats: encodings, zips, layouts, legacy RESP_LEGAL files, bad files refused before any write.</summary>
public sealed class ReadingTests
{
    private const string College = "0350999X";

    private static Exports OneFamily()
    {
        var exports = new Exports();
        exports.For(College).Pupil("1", "BŒUF", "Maëlle").Person("10", "BŒUF", "Gaëlle", "0600000001", "gaelle@example.org").Responsible("1", "10");
        exports.Account("1", "PERSONNEL", "gaelle", "gaelle@example.org", true, [$"{College}:10"], [$"{College}:1:10"]);
        return exports;
    }

    [Fact]
    public async Task Iso885915AccentsAndLigatures_ReadIntact()
    {
        await using var harness = new MigrationHarness();

        await harness.RunAsync(harness.Write(OneFamily()));

        var account = Assert.Single(await harness.AccountsAsync());
        Assert.Equal(("g.boeuf", "BŒUF", "Gaëlle"), (account["identifiant"], account["nom"], account["prenom"]));
    }

    [Fact]
    public async Task Utf8FilesAndZippedExportsInNestedFolders_ReadLikePlainOnes()
    {
        await using var harness = new MigrationHarness();
        var exports = OneFamily();
        exports.For("0351000Y").Pupil("2", "MORVAN", "Léo").Person("20", "MORVAN", "Hélène").Responsible("2", "20");
        exports.Account("2", "PERSONNEL", "helene", null, false, ["0351000Y:20"], []);
        var input = harness.Write(exports, "in", "0351000Y");
        var eleves = Directory.GetFiles(input.Siecle, "ElevesSansAdresses.xml", SearchOption.AllDirectories).Single();
        var nested = Path.Combine(input.Siecle, "2026", "juin", "college");
        Directory.CreateDirectory(nested);
        File.WriteAllText(Path.Combine(nested, "ElevesAvecAdresses.xml"),
            File.ReadAllText(eleves, Exports.GetLatin9()).Replace("ISO-8859-15", "UTF-8"), new UTF8Encoding(false));
        File.Delete(eleves);

        var result = await harness.RunAsync(input);

        Assert.Equal(0, result.ExitCode);
        var accounts = await harness.AccountsAsync();
        Assert.Equal(["g.boeuf", "h.morvan"], accounts.Select(a => a["identifiant"]));
        Assert.Equal($"{College}:1", accounts[0]["eleves"]);
    }

    [Fact]
    public async Task LegacyRespLegalFile_LegalRepresentativesLinkedContactsNotTwoFirstsReported()
    {
        await using var harness = new MigrationHarness();
        var input = harness.Write(OneFamily());
        var responsables = Directory.GetFiles(input.Siecle, "ResponsablesAvecAdresses.xml", SearchOption.AllDirectories).Single();
        File.WriteAllText(responsables, $"""
            <?xml version="1.0" encoding="ISO-8859-15"?>
            <BEE_RESPONSABLES VERSION="1.4">
              <PARAMETRES><UAJ>{College}</UAJ></PARAMETRES>
              <DONNEES>
                <PERSONNES>
                  <PERSONNE PERSONNE_ID="10"><NOM_DE_FAMILLE>BŒUF</NOM_DE_FAMILLE><PRENOM>Gaëlle</PRENOM></PERSONNE>
                  <PERSONNE PERSONNE_ID="11"><NOM_DE_FAMILLE>BŒUF</NOM_DE_FAMILLE><PRENOM>Paul</PRENOM></PERSONNE>
                  <PERSONNE PERSONNE_ID="13"><NOM_DE_FAMILLE>BŒUF</NOM_DE_FAMILLE><PRENOM>Marc</PRENOM></PERSONNE>
                </PERSONNES>
                <RESPONSABLES>
                  <RESPONSABLE_ELEVE><ELEVE_ID>1</ELEVE_ID><PERSONNE_ID>10</PERSONNE_ID><RESP_LEGAL>1</RESP_LEGAL></RESPONSABLE_ELEVE>
                  <RESPONSABLE_ELEVE><ELEVE_ID>1</ELEVE_ID><PERSONNE_ID>11</PERSONNE_ID><RESP_LEGAL>0</RESP_LEGAL></RESPONSABLE_ELEVE>
                  <RESPONSABLE_ELEVE><ELEVE_ID>1</ELEVE_ID><PERSONNE_ID>13</PERSONNE_ID><RESP_LEGAL>1</RESP_LEGAL></RESPONSABLE_ELEVE>
                </RESPONSABLES>
              </DONNEES>
            </BEE_RESPONSABLES>
            """, Exports.GetLatin9());
        var exports = OneFamily().Account("2", "PERSONNEL", "paul", null, false, [$"{College}:11"], [$"{College}:1:11"])
            .Account("3", "PERSONNEL", "marc", null, false, [$"{College}:13"], []);
        File.WriteAllText(input.Comptes, exports.ComptesXml(), Exports.GetLatin9());

        await harness.RunAsync(input);

        var accounts = await harness.AccountsAsync();
        Assert.Equal($"{College}:1", accounts.Single(a => a["identifiant"] == "g.boeuf")["eleves"]);
        Assert.Equal("", accounts.Single(a => a["identifiant"] == "p.boeuf")["eleves"]);
        Assert.Equal($"{College}:1", accounts.Single(a => a["identifiant"] == "m.boeuf")["eleves"]);
        Assert.Contains(harness.Rejects(), l => l.Contains(";signalement;deux_responsables_legaux_1;"));
    }

    [Fact]
    public async Task MalformedXml_StopsBeforeAnyWriteNamingFileLineAndColumn()
    {
        await using var harness = new MigrationHarness();
        var input = harness.Write(OneFamily());
        var lines = File.ReadAllLines(input.Comptes, Exports.GetLatin9()).ToList();
        lines.Insert(5, "      <COMPTE COMPTE_ID=\"2\" TYPE=\"PERSONNEL\"><IDENTIFIANT>x</IDENTIFIANT></COMPTES>");
        File.WriteAllLines(input.Comptes, lines, Exports.GetLatin9());

        var result = await harness.RunAsync(input);

        Assert.Equal(ExitCodes.MalformedInput, result.ExitCode);
        Assert.Matches(@"ComptesTeleservices\.xml:6:\d+ : XML mal formé", result.Error);
        Assert.False(File.Exists(harness.DatabasePath));
    }

    [Fact]
    public async Task WrongRootElement_RefusedClearly()
    {
        await using var harness = new MigrationHarness();
        var input = harness.Write(OneFamily());
        var eleves = Directory.GetFiles(input.Siecle, "ElevesSansAdresses.xml", SearchOption.AllDirectories).Single();
        File.WriteAllText(eleves, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BEE_NOMENCLATURES><PARAMETRES/></BEE_NOMENCLATURES>");

        var result = await harness.RunAsync(input);

        Assert.Equal(ExitCodes.UnsupportedInput, result.ExitCode);
        Assert.Contains("ElevesSansAdresses.xml:2:2 : élément racine <BEE_NOMENCLATURES> inattendu, <BEE_ELEVES> attendu", result.Error);
        Assert.False(File.Exists(harness.DatabasePath));
    }

    [Fact]
    public async Task UnknownEncoding_RefusedClearly()
    {
        await using var harness = new MigrationHarness();
        var input = harness.Write(OneFamily());
        File.WriteAllText(input.Comptes, File.ReadAllText(input.Comptes, Exports.GetLatin9()).Replace("ISO-8859-15", "X-KLINGON-7"), Exports.GetLatin9());

        var result = await harness.RunAsync(input);

        Assert.Equal(ExitCodes.UnsupportedInput, result.ExitCode);
        Assert.Contains("ComptesTeleservices.xml:1 : encodage « X-KLINGON-7 » inconnu", result.Error);
    }

    [Fact]
    public async Task RecordsMissingRequiredFields_RejectedWithFileAndLineWhileTheRestProceeds()
    {
        await using var harness = new MigrationHarness();
        var exports = OneFamily();
        exports.For(College).Person("12", "", "Sans-Nom").Pupil("", "X", "Y");
        exports.Account("3", "PERSONNEL", "", "a@example.org", true, [$"{College}:10"], []);
        exports.Account("4", "JOINT", "joint", null, false, [$"{College}:10"], []);
        exports.Account("5", "PERSONNEL", "ghost", null, false, [$"{College}:999"], []);

        var result = await harness.RunAsync(harness.Write(exports));

        Assert.Equal(0, result.ExitCode);
        Assert.Single(await harness.AccountsAsync());
        var rejects = harness.Rejects();
        Assert.Contains(rejects, l => l.StartsWith("etab-0350999X/ResponsablesAvecAdresses.xml;", StringComparison.Ordinal)
            && l.Contains("PERSONNE 0350999X:12;rejet;champ_obligatoire_absent;NOM_DE_FAMILLE absent"));
        Assert.Contains(rejects, l => l.Contains("ElevesSansAdresses.xml;") && l.Contains("champ_obligatoire_absent;ELEVE_ID absent"));
        Assert.Contains(rejects, l => l.StartsWith("ComptesTeleservices.xml;", StringComparison.Ordinal) && l.Contains("COMPTE 3;rejet;champ_obligatoire_absent;IDENTIFIANT absent"));
        Assert.Contains(rejects, l => l.Contains("COMPTE 4;rejet;titulaires_incoherents"));
        Assert.Contains(rejects, l => l.Contains("COMPTE 5;rejet;titulaire_introuvable"));
        var byReason = harness.Summary().GetProperty("rejectsByReason");
        Assert.Equal(3, byReason.GetProperty("champ_obligatoire_absent").GetInt32());
    }

    [Fact]
    public async Task AccountKeysWithLeadingZerosLettersSpacesOrLongIds_MatchedExactlyAsWritten()
    {
        await using var harness = new MigrationHarness();
        var exports = new Exports();
        exports.For(College)
            .Pupil("A17", "MORVAN", "Jade").Pupil("0042", "MORVAN", "Léo").Pupil("42", "MORVAN", "Zoé")
            .Person("007", "MORVAN", "Katell", "0600000007", "katell@example.org")
            .Person("123456789012345", "MORVAN", "Erwan", "0600000008", "erwan@example.org")
            .Responsible("A17", "007").Responsible("0042", "007").Responsible("42", "123456789012345");
        exports.Account("1", "PERSONNEL", "katell", "katell@example.org", true, [$"{College}: 007 "], [$"{College}:A17:007", $"{College}:042:007"]);
        exports.Account("2", "PERSONNEL", "erwan", null, false, ["0350999x:123456789012345"], [$"{College}:42:123456789012345"]);
        exports.Account("3", "PERSONNEL", "ghost", null, false, [$"{College}:7"], []);

        await harness.RunAsync(harness.Write(exports));

        var accounts = await harness.AccountsAsync();
        Assert.Equal(["e.morvan", "k.morvan"], accounts.Select(a => a["identifiant"]));
        Assert.Equal(($"{College}:123456789012345", $"{College}:42"), (accounts[0]["personnes"], accounts[0]["eleves"]));
        Assert.Equal(($"{College}:007", $"{College}:0042|{College}:A17"), (accounts[1]["personnes"], accounts[1]["eleves"]));
        var rejects = harness.Rejects();
        Assert.Single(rejects, l => l.Contains("rattachement_eleve_parti") && l.Contains($"l'élève {College}:042 "));
        Assert.Single(rejects, l => l.Contains("COMPTE 3;rejet;titulaire_introuvable") && l.Contains($"le titulaire {College}:7 "));
        Assert.Equal(1, harness.Summary().GetProperty("staleAttachments").GetInt32());
        Assert.Equal(1, harness.Summary().GetProperty("linksAddedByRapprochement").GetInt32());
    }

    [Fact]
    public async Task RejectLine_PointsAtTheRecordInTheFile()
    {
        await using var harness = new MigrationHarness();
        var exports = OneFamily();
        exports.Account("5", "PERSONNEL", "ghost", null, false, [$"{College}:999"], []);
        var input = harness.Write(exports);

        await harness.RunAsync(input);

        var line = harness.Rejects().Single(l => l.Contains("COMPTE 5;")).Split(';')[1];
        var source = File.ReadAllLines(input.Comptes, Exports.GetLatin9());
        Assert.Contains("COMPTE_ID=\"5\"", source[int.Parse(line, System.Globalization.CultureInfo.InvariantCulture) - 1]);
    }

    [Fact]
    public async Task ElenoetAttributeDifferentFromElement_ToleratedAndReported()
    {
        await using var harness = new MigrationHarness();
        var input = harness.Write(OneFamily());
        var eleves = Directory.GetFiles(input.Siecle, "ElevesSansAdresses.xml", SearchOption.AllDirectories).Single();
        File.WriteAllText(eleves, File.ReadAllText(eleves, Exports.GetLatin9())
            .Replace("<NOM_DE_FAMILLE>BŒUF</NOM_DE_FAMILLE>", "<ELENOET>5496</ELENOET><NOM_DE_FAMILLE>BŒUF</NOM_DE_FAMILLE>"), Exports.GetLatin9());

        await harness.RunAsync(input);

        Assert.Equal($"{College}:1", Assert.Single(await harness.AccountsAsync())["eleves"]);
        Assert.Contains(harness.Rejects(), l => l.Contains("ELEVE 0350999X:1;signalement;anomalie_elenoet;"));
    }
}
