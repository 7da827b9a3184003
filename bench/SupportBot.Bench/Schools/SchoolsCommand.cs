using System.CommandLine;

namespace SupportBot.Bench.Schools;

/// <summary><c>schools [--schools 66000] [--seconds 3]</c>.</summary>
internal static class SchoolsCommand
{
    public static Command Create()
    {
        var schools = new Option<int>("--schools")
        {
            Description = "Schools in the index: the reference extract's, copied under other UAIs and communes up to this many "
                + "(66,000 is the national annuaire's size).",
            DefaultValueFactory = _ => 66_000,
        };
        var seconds = new Option<double>("--seconds") { Description = "Measuring time per figure.", DefaultValueFactory = _ => 3 };
        var command = new Command("schools", "School search: index build time and look-ups per second on 1 and 2 threads over a mix of parents' phrasings.")
        {
            schools, seconds,
        };
        command.SetAction(async parse =>
        {
            if (parse.GetValue(schools) < 1 || parse.GetValue(seconds) <= 0)
            {
                await Console.Error.WriteLineAsync("--schools and --seconds must be positive.");
                return 1;
            }

            return SchoolsBenchmark.Run(parse.GetValue(schools), parse.GetValue(seconds));
        });
        return command;
    }
}
