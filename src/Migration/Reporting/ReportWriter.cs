using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Migration.Reporting;

/// <summary>Writes <c>rapport.json</c> and <c>rejets.csv</c> (UTF-8, ';'-separated) into the report folder.</summary>
internal static class ReportWriter
{
    public const string SummaryFileName = "rapport.json";

    public const string RejectsFileName = "rejets.csv";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static async Task WriteAsync(MigrationReport report, string folder, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(folder);
        var summary = new
        {
            report.DryRun,
            report.ResumedInterruptedRun,
            report.LegacyAccountsRead,
            report.PersonalAccounts,
            report.JointAccounts,
            report.SieclePupilsRead,
            report.SieclePersonsRead,
            report.Holders,
            report.Persons,
            report.AccountsCreated,
            report.AccountsReused,
            report.PupilLinks,
            report.LinksAddedByRapprochement,
            report.AliasesAdded,
            report.StaleAttachments,
            report.PossibleDuplicates,
            RejectsByReason = report.CountBy(rejected: true),
            ReportsByReason = report.CountBy(rejected: false),
            DurationSeconds = Math.Round(report.Duration.TotalSeconds, 3),
            Phases = report.Phases.Select(p => new
            {
                p.Phase, Seconds = Math.Round(p.Seconds, 3), GcPauseSeconds = Math.Round(p.GcPauseSeconds, 3), p.HeapMegabytes, p.PeakResidentMegabytes,
            }),
        };
        await WriteAtomicallyAsync(Path.Combine(folder, SummaryFileName),
            async stream => await JsonSerializer.SerializeAsync(stream, summary, Json, cancellationToken));
        await WriteAtomicallyAsync(Path.Combine(folder, RejectsFileName), async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            await writer.WriteLineAsync("fichier;ligne;enregistrement;statut;motif;detail");
            foreach (var e in report.Entries.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Reason, StringComparer.Ordinal))
            {
                await writer.WriteLineAsync(string.Join(';', Csv(e.File), e.Line, Csv(e.Record), e.Rejected ? "rejet" : "signalement", e.Reason, Csv(e.Detail)));
            }
        });
    }

    public static string Csv(string value) =>
        value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static async Task WriteAtomicallyAsync(string path, Func<Stream, Task> write)
    {
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await write(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
