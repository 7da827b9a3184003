using SupportBot.AccountDirectory.Cases;

namespace SupportBot.Bot.Tests.Dialogs.Conversations;

/// <summary>A director case the conversation must leave in the directory: its kind, and its school's UAI (null: the académie).</summary>
internal sealed record ExpectedCase(DirectorCaseKind Kind, string? Uai)
{
    public override string ToString() => $"{Kind} → {Uai ?? "académie"}";
}
