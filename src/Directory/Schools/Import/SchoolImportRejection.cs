namespace SupportBot.AccountDirectory.Schools.Import;

/// <summary>A row of the file left out of the import, and why (in French, naming the column).</summary>
public sealed record SchoolImportRejection(string FileName, int Line, string Reason)
{
    /// <summary><c>file:line: reason</c>, as compilers write it.</summary>
    public override string ToString() => $"{FileName}:{Line}: {Reason}";
}
