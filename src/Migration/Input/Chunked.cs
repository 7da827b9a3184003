namespace SupportBot.Migration.Input;

/// <summary>
/// A list in fixed-size chunks: millions of small values without the copies, nor the twice-too-large array, of a
/// growing <see cref="List{T}"/>.
/// </summary>
internal sealed class Chunked<T>
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<T[]> _chunks = [];

    public int Count { get; private set; }

    public T this[int index] => _chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    public void Add(T value)
    {
        if ((Count >> ChunkBits) == _chunks.Count)
        {
            _chunks.Add(new T[ChunkSize]);
        }

        _chunks[Count >> ChunkBits][Count & (ChunkSize - 1)] = value;
        Count++;
    }

    /// <summary>Forgets the last <paramref name="count"/> values.</summary>
    public void DropLast(int count) => Count -= count;
}
