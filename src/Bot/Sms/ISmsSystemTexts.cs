using SupportBot.AccountDirectory.Cases;

namespace SupportBot.Bot.Sms;

/// <summary>The SMS channel's own words (carrier keywords, messages that are not replies), kept with the dialogs' texts.</summary>
public interface ISmsSystemTexts
{
    /// <summary>Answer to STOP: the last message the number receives until START.</summary>
    string StopConfirmation { get; }

    /// <summary>The message telling the parent that the school resolved the case <paramref name="reference"/>, with the director's words.</summary>
    string CaseResolved(DirectorCaseKind kind, string reference, string? directorMessage = null);
}
