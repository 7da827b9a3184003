using System.Runtime.CompilerServices;
using System.Xml;

namespace SupportBot.Migration.Input;

/// <summary>
/// The leaves of one flat record that a reader asks for, each named by a member of <typeparamref name="TField"/> and
/// found by its element name, first occurrence winning (<see cref="RecordReader"/>). One instance is reused record
/// after record: a million records, no dictionary each.
/// </summary>
internal sealed class RecordFields<TField>
    where TField : struct, Enum
{
    private readonly string[] _names;
    private readonly string?[] _values;
    private readonly Action<string, string> _store;

    /// <summary>Every member of <typeparamref name="TField"/> (numbered 0, 1, 2...) with the element it reads.</summary>
    public RecordFields(params (TField Field, string Element)[] fields)
    {
        _names = new string[fields.Length];
        foreach (var (field, element) in fields)
        {
            _names[Index(field)] = element;
        }

        if (_names.Any(n => n is null) || Enum.GetValues<TField>().Length != fields.Length)
        {
            throw new ArgumentException($"each field of {typeof(TField).Name} needs exactly one element", nameof(fields));
        }

        _values = new string?[fields.Length];
        _store = Store;
    }

    /// <summary>Reads the record the reader is on (see <see cref="RecordReader.Read"/>).</summary>
    public void Read(XmlReader reader, Action<XmlReader>? onElement = null)
    {
        Array.Clear(_values);
        RecordReader.Read(reader, onElement, _store);
    }

    /// <summary>The field's text ("" when the element is empty), or null when absent.</summary>
    public string? this[TField field] => _values[Index(field)];

    public string? NonEmpty(TField field) => _values[Index(field)] is { Length: > 0 } value ? value : null;

    /// <summary>The element the field reads (for messages).</summary>
    public string Element(TField field) => _names[Index(field)];

    private static int Index(TField field) => Unsafe.BitCast<TField, int>(field);

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
