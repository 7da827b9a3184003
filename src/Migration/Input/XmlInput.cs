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
        var declared = CheckEncoding(file);

        // A file that declares ISO-8859-15 (and has no byte order mark) is decoded by Latin9Decoding from its first byte:
        // XmlReader keeps an encoding it was given when the declaration names the same one (same WebName).
        var context = declared?.CodePage == Latin9Decoding.CodePageNumber && Latin9Decoding.Create() is { } latin9
            ? new XmlParserContext(null, null, null, XmlSpace.None, latin9)
            : null;
        var reader = XmlReader.Create(file.Open(), Settings, context);
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

    /// <summary>The encoding the file declares, when it declares one without a byte order mark.</summary>
    private static Encoding? CheckEncoding(InputFile file)
    {
        Span<byte> head = stackalloc byte[512];
        int read;
        using (var stream = file.Open())
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        // The declaration is ASCII in every encoding this program reads (UTF-16 files start with a BOM and are left to XmlReader).
        var text = Encoding.ASCII.GetString(head[..read]).TrimStart('\uFEFF', '?');
        var byteOrderMark = text.Length < read; // UTF-16's, read as "??" and trimmed
        if (read >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            byteOrderMark = true;
            text = Encoding.ASCII.GetString(head[3..read]);
        }

        var match = DeclaredEncoding().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups[1].Value;
        try
        {
            var encoding = Encoding.GetEncoding(name);
            return byteOrderMark ? null : encoding;
        }
        catch (ArgumentException)
        {
            throw new MigrationInputException(
                $"{file}:1 : encodage « {name} » inconnu ; les exports SIECLE sont en ISO-8859-15 (UTF-8 est aussi accepté).",
                ExitCodes.UnsupportedInput);
        }
    }
}
