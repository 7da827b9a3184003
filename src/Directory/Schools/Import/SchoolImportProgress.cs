namespace SupportBot.AccountDirectory.Schools.Import;

/// <summary>
/// Where an import stands: <see cref="Done"/> of <see cref="Total"/>, in bytes of the file while
/// <see cref="SchoolImportStage.Reading"/> and in schools while <see cref="SchoolImportStage.Writing"/>; a
/// <see cref="Total"/> of 0 means unknown.
/// </summary>
public readonly record struct SchoolImportProgress(SchoolImportStage Stage, long Done, long Total);
