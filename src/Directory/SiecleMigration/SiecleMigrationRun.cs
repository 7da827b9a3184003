namespace SupportBot.AccountDirectory.SiecleMigration;

/// <summary>The journal of the SIECLE migration: one row per run that wrote to the directory.</summary>
public sealed class SiecleMigrationRun
{
    public int Id { get; set; }

    /// <summary>SHA-256 of the input files' names and contents: a rerun on the same inputs shows the same value.</summary>
    public required string InputFingerprint { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Null while running, and for ever when the run was killed.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    public int BatchesCommitted { get; set; }

    public int AccountsCreated { get; set; }
}
