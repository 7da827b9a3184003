using System.ComponentModel.DataAnnotations;

namespace SupportBot.AccountDirectory;

public enum DirectoryProvider
{
    Sqlite,
    SqlServer,
}

public enum DemoDataMode
{
    /// <summary>Seed when the database is the embedded SQLite one and holds no school and no account yet.</summary>
    Auto,
    Never,
    Always,
}

/// <summary>Configuration section <c>Directory</c>.</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    public DirectoryProvider Provider { get; set; } = DirectoryProvider.Sqlite;

    /// <summary>Defaults to <c>supportbot.db</c> in the data folder (<see cref="Data.DataOptions"/>) for the embedded provider; required for SQL Server.</summary>
    public string? ConnectionString { get; set; }

    public DemoDataMode DemoData { get; set; } = DemoDataMode.Auto;

    public ReferenceSchoolsMode ReferenceSchools { get; set; } = ReferenceSchoolsMode.Auto;

    [Range(1, 7 * 24 * 60)]
    public int PasswordResetTokenMinutes { get; set; } = 60;

    public string EffectiveConnectionString => Provider switch
    {
        DirectoryProvider.Sqlite => string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Data.DataOptions.DefaultFolder}/supportbot.db"
            : ConnectionString,
        _ => string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new InvalidOperationException("Directory:ConnectionString is required when Directory:Provider is SqlServer.")
            : ConnectionString,
    };
}
