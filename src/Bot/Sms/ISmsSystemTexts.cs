namespace SupportBot.Bot.Sms;

/// <summary>The SMS channel's own words (carrier keywords), kept with the dialogs' texts.</summary>
public interface ISmsSystemTexts
{
    /// <summary>Answer to STOP: the last message the number receives until START.</summary>
    string StopConfirmation { get; }
}
