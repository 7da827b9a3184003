using System.IO.Compression;
using System.Text.RegularExpressions;

namespace SupportBot.Migration.Input;

/// <summary>
/// Finds the BEE exports under a folder, in any layout: plain files or entries of the <c>ExportXML_*.zip</c> archives
/// SIECLE produces. Files are recognised by name (Eleves*.xml, Responsables*.xml) and then by their root element.
/// </summary>
internal static partial class SiecleFolder
{
    [GeneratedRegex(@"^Eleves(Sans|Avec)Adresses\.xml$", RegexOptions.IgnoreCase)]
    private static partial Regex ElevesName();

    [GeneratedRegex(@"^Responsables(Sans|Avec)Adresses\.xml$", RegexOptions.IgnoreCase)]
    private static partial Regex ResponsablesName();

    /// <summary>The pupils' and the responsables' files, each list sorted by display name so that runs never depend on directory order.</summary>
    public static (IReadOnlyList<InputFile> Eleves, IReadOnlyList<InputFile> Responsables) Find(string folder)
    {
        if (!System.IO.Directory.Exists(folder))
        {
            throw new MigrationInputException($"{folder} : dossier introuvable (--siecle attend le dossier des exports SIECLE).", ExitCodes.UnsupportedInput);
        }

        var eleves = new List<InputFile>();
        var responsables = new List<InputFile>();
        foreach (var path in System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            var name = Path.GetFileName(path);
            if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                AddZipEntries(path, relative, eleves, responsables);
            }
            else if (ElevesName().IsMatch(name))
            {
                eleves.Add(InputFile.OnDisk(path, relative));
            }
            else if (ResponsablesName().IsMatch(name))
            {
                responsables.Add(InputFile.OnDisk(path, relative));
            }
        }

        if (eleves.Count == 0 || responsables.Count == 0)
        {
            throw new MigrationInputException(
                $"{folder} : aucun fichier {(eleves.Count == 0 ? "ElevesSansAdresses.xml / ElevesAvecAdresses.xml" : "ResponsablesAvecAdresses.xml / ResponsablesSansAdresses.xml")} "
                + "trouvé (ni dans un sous-dossier, ni dans une archive ExportXML_*.zip).", ExitCodes.UnsupportedInput);
        }

        eleves.Sort((a, b) => string.CompareOrdinal(a.DisplayName, b.DisplayName));
        responsables.Sort((a, b) => string.CompareOrdinal(a.DisplayName, b.DisplayName));
        return (eleves, responsables);
    }

    private static void AddZipEntries(string path, string relative, List<InputFile> eleves, List<InputFile> responsables)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new MigrationInputException($"{relative} : archive zip illisible ({e.Message}).", ExitCodes.UnsupportedInput);
        }

        using (archive)
        {
            foreach (var entry in archive.Entries)
            {
                var name = Path.GetFileName(entry.FullName);
                if (ElevesName().IsMatch(name))
                {
                    eleves.Add(InputFile.InZip(path, entry.FullName, $"{relative}!{entry.FullName}"));
                }
                else if (ResponsablesName().IsMatch(name))
                {
                    responsables.Add(InputFile.InZip(path, entry.FullName, $"{relative}!{entry.FullName}"));
                }
            }
        }
    }
}
