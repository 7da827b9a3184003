using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Dialogs.State;

internal enum StateStoreKind
{
    /// <summary>The directory's database (SQLite by default): survives restarts, shared by instances.</summary>
    Database,

    /// <summary>In the process only (benchmarks, a throwaway chat).</summary>
    Memory,
}

/// <summary>Configuration section <c>DialogState</c>.</summary>
internal sealed class StateOptions
{
    public const string Section = "DialogState";

    public StateStoreKind Store { get; set; } = StateStoreKind.Database;

    /// <summary>How long a turn may hold its conversation; a crashed instance's lease lapses after it.</summary>
    [Range(1, 600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>How long a turn waits for its conversation before giving up.</summary>
    [Range(1, 600)]
    public int WaitSeconds { get; set; } = 30;
}
