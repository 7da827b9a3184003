namespace SupportBot.Bot.Language;

/// <summary>Reads the values the dialogs ask for out of a parent's French text. Thread-safe; one instance per process.</summary>
public interface IEntityRecognizer
{
    /// <summary>A birth date: refuses impossible and future dates (relative to <paramref name="today"/>) and partial dates.</summary>
    DateRecognition RecognizeBirthDate(string text, DateOnly today);

    /// <summary>A phone number in E.164, or null.</summary>
    string? RecognizePhone(string text);

    /// <summary>An e-mail address (lower-cased), or null.</summary>
    string? RecognizeEmail(string text);

    /// <summary>true for yes (« oui », « ouais », « d'accord », « ok »...), false for no (« non merci », « pas du tout »...), null otherwise.</summary>
    bool? RecognizeYesNo(string text);
}
