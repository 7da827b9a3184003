using System.Text;

namespace SupportBot.Bot.Tests.Dialogs.Conversations;

/// <summary>One conversation played on one channel: the transcript, and what went wrong (nothing when it passed).</summary>
internal sealed class ConversationRun(ConversationScript script, string channel)
{
    public ConversationScript Script => script;

    public string Channel => channel;

    /// <summary>The parent's messages (« parent > ») and the bot's replies (« bot < »), with the problems where they occurred.</summary>
    public List<string> Lines { get; } = [];

    public List<string> Problems { get; } = [];

    public bool Passed => Problems.Count == 0;

    public void Problem(string problem)
    {
        Problems.Add(problem);
        Lines.Add("      ✗ " + problem);
    }

    public string Transcript()
    {
        var text = new StringBuilder();
        text.AppendLine($"✗ {script.Id} [{channel}] {script.Position} — {script.Source}");
        foreach (var line in Lines)
        {
            text.AppendLine("  " + line);
        }

        return text.ToString();
    }
}
