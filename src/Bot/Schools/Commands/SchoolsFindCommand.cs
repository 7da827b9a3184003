using System.CommandLine;

namespace SupportBot.Bot.Schools.Commands;

internal static class SchoolsFindCommand
{
    public static Command Create(Action<IServiceCollection> addServices, TextReader input, TextWriter output, TextWriter error)
    {
        var find = new Command("find", "(en cours d'écriture)");
        find.SetAction(_ => 1);
        return find;
    }
}
