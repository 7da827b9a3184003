namespace SupportBot.AccountDirectory.Schools.Import;

public enum SchoolImportStage
{
    /// <summary>The file is read and every row checked; nothing is written yet.</summary>
    Reading,

    /// <summary>The changes are written, in batches.</summary>
    Writing,
}
