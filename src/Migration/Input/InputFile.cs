using System.IO.Compression;

namespace SupportBot.Migration.Input;

/// <summary>An XML export on disk or inside a zip archive (<c>ExportXML_x.zip!ElevesSansAdresses.xml</c>), opened on demand.</summary>
internal sealed class InputFile(string displayName, Func<Stream> open)
{
    public string DisplayName { get; } = displayName;

    public Stream Open() => open();

    public override string ToString() => DisplayName;

    // 64 KB reads: XmlReader asks for a few KB at a time, and the exports are read once, front to back.
    public static InputFile OnDisk(string path, string displayName) =>
        new(displayName, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));

    public static InputFile InZip(string zipPath, string entryName, string displayName) => new(displayName, () =>
    {
        var archive = ZipFile.OpenRead(zipPath);
        var entry = archive.GetEntry(entryName);
        if (entry is null)
        {
            archive.Dispose();
            throw new FileNotFoundException($"{entryName} is missing from {zipPath}.");
        }

        return new ArchiveEntryStream(archive, entry.Open());
    });

    /// <summary>Keeps the archive open as long as the entry's stream is read.</summary>
    private sealed class ArchiveEntryStream(ZipArchive archive, Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                archive.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
