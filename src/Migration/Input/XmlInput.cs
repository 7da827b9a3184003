using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace SupportBot.Migration.Input;

/// <summary>
/// Opens an export for streaming: checks the declared encoding (ISO-8859-15 needs the code-pages provider, which
/// Program registers), then the root element, and turns XmlReader's errors into file:line:column messages.
/// </summary>
internal static partial class XmlInput
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    [GeneratedRegex("""^<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']""")]
    private static partial Regex DeclaredEncoding();

    /// <summary>A reader positioned on the root element, which is <paramref name="expectedRoot"/>.</summary>
    public static XmlReader Open(InputFile file, string expectedRoot)
    {
        CheckEncoding(file);
        var reader = XmlReader.Create(file.Open(), Settings);
        try
        {
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != expectedRoot)
            {
                var info = (IXmlLineInfo)reader;
                throw new MigrationInputException(
                    $"{file}:{info.LineNumber}:{info.LinePosition} : élément racine <{reader.LocalName}> inattendu, <{expectedRoot}> attendu "
                    + "(ce fichier n'est pas l'export attendu).", ExitCodes.UnsupportedInput);
            }

            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public static MigrationInputException Malformed(InputFile file, XmlException e) =>
        new($"{file}:{e.LineNumber}:{e.LinePosition} : XML mal formé : {e.Message} Rien n'a été écrit.", ExitCodes.MalformedInput);

    public static int Line(XmlReader reader) => ((IXmlLineInfo)reader).LineNumber;

    private static void CheckEncoding(InputFile file)
    {
        Span<byte> head = stackalloc byte[512];
        int read;
        using (var stream = file.Open())
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        // The declaration is ASCII in every encoding this program reads (UTF-16 files start with a BOM and are left to XmlReader).
        var text = Encoding.ASCII.GetString(head[..read]).TrimStart('\uFEFF', '?');
        if (read >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            text = Encoding.ASCII.GetString(head[3..read]);
        }

        var match = DeclaredEncoding().Match(text);
        if (!match.Success)
        {
            return;
        }

        var name = match.Groups[1].Value;
        try
        {
            _ = Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw new MigrationInputException(
                $"{file}:1 : encodage « {name} » inconnu ; les exports SIECLE sont en ISO-8859-15 (UTF-8 est aussi accepté).",
                ExitCodes.UnsupportedInput);
        }
    }
}
