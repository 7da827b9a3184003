using System.Text;
using System.Xml;

namespace SupportBot.Migration.Input;

/// <summary>
/// Reads one record element (ELEVE, PERSONNE, COMPTE...) without building a DOM: <c>onElement</c> sees every nested
/// element on its start tag (for attributes), <c>onLeaf</c> every element without child elements with its trimmed text,
/// in document order. Leaves the reader after the record's end tag.
/// </summary>
internal static class RecordReader
{
    public static void Read(XmlReader reader, Action<XmlReader>? onElement, Action<string, string> onLeaf)
    {
        var recordDepth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var text = new StringBuilder();
        string? single = null;
        string? openLeaf = null;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == recordDepth) && !reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    onElement?.Invoke(reader);
                    if (reader.IsEmptyElement)
                    {
                        onLeaf(reader.LocalName, "");
                        openLeaf = null;
                    }
                    else
                    {
                        openLeaf = reader.LocalName;
                        text.Clear();
                        single = null;
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    // Almost every leaf holds one text node: keep its string rather than copying it through the builder.
                    if (single is null && text.Length == 0)
                    {
                        single = reader.Value;
                    }
                    else
                    {
                        text.Append(single).Append(reader.Value);
                        single = null;
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (openLeaf == reader.LocalName)
                    {
                        var value = single ?? text.ToString();
                        onLeaf(openLeaf, value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])) ? value.Trim() : value);
                    }

                    openLeaf = null;
                    single = null;
                    text.Clear();
                    break;
            }

            reader.Read();
        }

        reader.Read();
    }
}
