using System.Xml;

namespace SupportBot.Migration.Input;

/// <summary>
/// The leaves of one flat record that a reader asks for, by position in the names given, first occurrence winning
/// (<see cref="RecordReader"/>). One instance is reused record after record: a million records, no dictionary each.
/// </summary>
internal sealed class RecordFields
{
    private readonly string[] _names;
    private readonly string?[] _values;
    private readonly Action<string, string> _store;

    public RecordFields(params string[] names)
    {
        _names = names;
        _values = new string?[names.Length];
        _store = Store;
    }

    /// <summary>Reads the record the reader is on (see <see cref="RecordReader.Read"/>).</summary>
    public void Read(XmlReader reader, Action<XmlReader>? onElement = null)
    {
        Array.Clear(_values);
        RecordReader.Read(reader, onElement, _store);
    }

    /// <summary>The field's text ("" when the element is empty), or null when absent.</summary>
    public string? this[int field] => _values[field];

    public string? NonEmpty(int field) => _values[field] is { Length: > 0 } value ? value : null;

    private void Store(string name, string value)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (_values[i] is null && string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                _values[i] = value;
                return;
            }
        }
    }
}
