using System.Text;
using System.Xml;
using SupportBot.Migration.Input;

namespace SupportBot.Migration.Tests.Input;

/// <summary>
/// The exports' ISO-8859-15 is decoded by the reading's own Latin-1-plus-eight-differences decoder: every byte must
/// give the character the code-pages encoding gives, whole or cut anywhere, and a file declaring ISO-8859-15 must read
/// through XmlInput with every letter intact.
/// </summary>
public sealed class Latin9DecodingTests
{
    private static readonly Encoding CodePages = Latin9();

    private static readonly byte[] EveryByte = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();

    [Fact]
    public void EveryByte_DecodesAsTheCodePagesEncoding()
    {
        var latin9 = Latin9Decoding.Create()!;

        Assert.Equal(CodePages.GetString(EveryByte), latin9.GetString(EveryByte));
        Assert.Equal("€ŠšŽžŒœŸ", latin9.GetString([0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    public void DecoderConvert_InPiecesAndIntoShortBuffers_GivesTheSameText(int piece)
    {
        var bytes = Enumerable.Repeat(EveryByte, 5).SelectMany(b => b).ToArray();
        var decoder = Latin9Decoding.Create()!.GetDecoder();
        var text = new StringBuilder();
        var chars = new char[piece / 2 + 1];
        for (var offset = 0; offset < bytes.Length;)
        {
            decoder.Convert(bytes, offset, Math.Min(piece, bytes.Length - offset), chars, 0, chars.Length, false, out var used, out var produced, out _);
            text.Append(chars, 0, produced);
            offset += used;
        }

        Assert.Equal(CodePages.GetString(bytes), text.ToString());
    }

    [Fact]
    public void FileDeclaringIso885915_ReadWithItsLatin9Letters()
    {
        const string Names = "BŒUF Œuvre cœur Ÿvette Šimon šárka Žofie žaneta 12 € ÀÉÈÊËÎÏÔÙÛÜÇàéèêëîïôùûüçÿæÆ«»°";
        var path = Path.Combine(Path.GetTempPath(), $"latin9-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, $"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<R><N>{Names}</N></R>", CodePages);
        try
        {
            using var reader = XmlInput.Open(InputFile.OnDisk(path, "latin9.xml"), "R");
            reader.ReadToDescendant("N");

            Assert.Equal(Names, reader.ReadElementContentAsString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Encoding Latin9()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("ISO-8859-15");
    }
}
