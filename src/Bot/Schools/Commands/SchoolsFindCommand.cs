using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Schools.Annuaire;
using SupportBot.Bot.Commands;

namespace SupportBot.Bot.Schools.Commands;

/// <summary>
/// <c>schools find [--annuaire FILE]</c>: one text per line on standard input, one JSON line per text on standard output,
/// in the same order, with what the bot would do with it.
/// </summary>
internal static class SchoolsFindCommand
{
    public enum ExitCode
    {
        Success = 0,

        /// <summary>Bad command line (System.CommandLine's own code for parse errors).</summary>
        Usage = 1,

        /// <summary>The --annuaire file is missing, unreadable or not the annuaire's export.</summary>
        UnreadableFile = 2,

        /// <summary>The directory's configuration is invalid or its database cannot be read.</summary>
        DirectoryUnavailable = 3,
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(Action<IServiceCollection> addServices, Terminal terminal)
    {
        var (input, output, error) = (terminal.Input, terminal.Output, terminal.Error);
        var annuaire = new Option<FileInfo?>("--annuaire")
        {
            Description = "Search the schools of this CSV export of the Annuaire de l'éducation (« ; »-separated, as downloaded from "
                + "data.education.gouv.fr) instead of the directory's database. Example: "
                + "--annuaire src/Directory/Schools/Reference/annuaire-education-35.csv",
            HelpName = "FILE",
        };
        var find = new Command("find",
            "Finds the school each line of standard input names, as the assistant does with a parent's answer "
            + "(« st jo à corps nuds », « la maternelle de Melesse », « 0352207 j »), and prints one JSON line per input line, in order: "
            + """{"text":…,"decision":"one|choose|none","candidates":[{"uai","nom","commune","score"}]}. """
            + "one: the assistant would ask the parent to confirm the first candidate; choose: it would offer the candidates (5 at most), "
            + "best first; none: nothing fits, or too many do (it would ask for the commune or the school's name). "
            + "Searches the open schools of the directory's database (Directory settings in appsettings.json) unless --annuaire is given. "
            + "Exit codes: 0 done, 1 bad command line, 2 unreadable --annuaire file, 3 directory unavailable. "
            + "Example: echo \"jean moulin rennes\" | dotnet run --project src/Bot -- schools find")
        {
            annuaire,
        };
        find.SetAction(async (parse, cancellation) =>
        {
            var file = parse.GetValue(annuaire);
            SchoolIndex? index = null;
            SchoolSearch? search = null;
            IDisposable? host = null;
            try
            {
                if (file is not null)
                {
                    index = await LoadAnnuaireAsync(file, error);
                    if (index is null)
                    {
                        return (int)ExitCode.UnreadableFile;
                    }
                }
                else
                {
                    var built = CommandHost.Build(addServices);
                    host = built;
                    try
                    {
                        await built.Services.InitializeAccountDirectoryAsync(cancellationToken: cancellation);
                        search = built.Services.GetService<SchoolSearch>() ?? ActivatorUtilities.CreateInstance<SchoolSearch>(built.Services);
                        await search.IndexAsync(cancellation);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        await error.WriteLineAsync($"The directory's schools cannot be read: {e.Message}");
                        return (int)ExitCode.DirectoryUnavailable;
                    }
                }

                if (terminal.InputIsPerson)
                {
                    await error.WriteLineAsync("Une école par ligne ; Ctrl+D pour terminer.");
                }

                while (await input.ReadLineAsync(cancellation) is { } line)
                {
                    var result = index?.Find(line) ?? await search!.FindAsync(line, cancellation);
                    await output.WriteLineAsync(JsonSerializer.Serialize(FindLine.From(line, result), Json));
                }

                await output.FlushAsync(cancellation);
                return (int)ExitCode.Success;
            }
            finally
            {
                host?.Dispose();
            }
        });
        return find;
    }

    private static async Task<SchoolIndex?> LoadAnnuaireAsync(FileInfo file, TextWriter error)
    {
        try
        {
            using var reader = new AnnuaireReader(new StreamReader(file.FullName), file.FullName);
            var index = SchoolIndex.Build([.. AnnuaireSchools.Read(reader)]);
            if (index.Count == 0)
            {
                await error.WriteLineAsync($"{file.FullName}: no open school (Type_etablissement « Ecole ») in this export.");
                return null;
            }

            return index;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AnnuaireFormatException)
        {
            await error.WriteLineAsync(e is AnnuaireFormatException ? e.Message : $"{file.FullName}: {e.Message}");
            return null;
        }
    }

    private sealed record FindLine(
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("candidates")] IReadOnlyList<FindCandidate> Candidates)
    {
        public static FindLine From(string text, SchoolSearchResult result) => new(
            text,
            result.Decision switch
            {
                SchoolDecision.One => "one",
                SchoolDecision.Choose => "choose",
                _ => "none",
            },
            [.. result.Candidates.Select(c => new FindCandidate(c.School.Uai, c.School.Name, c.School.Commune, c.Score))]);
    }

    private sealed record FindCandidate(
        [property: JsonPropertyName("uai")] string Uai,
        [property: JsonPropertyName("nom")] string Nom,
        [property: JsonPropertyName("commune")] string? Commune,
        [property: JsonPropertyName("score")] double Score);
}
