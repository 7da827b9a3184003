using System.CommandLine;

namespace SupportBot.Bot.Schools.Commands;

internal static class SchoolsImportCommand
{
    public static Command Create(Action<IServiceCollection> addServices, TextWriter output, TextWriter error, bool interactive)
    {
        var import = new Command("import", "(en cours d'écriture)");
        import.SetAction(_ => 1);
        return import;
    }
}
