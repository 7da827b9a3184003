namespace SupportBot.AccountDirectory.Validation;

/// <summary>
/// Raised when a value offered to the directory breaks one of its rules. Nothing has been written when it is thrown.
/// <see cref="Field"/> names the field (as in the model, e.g. "Uai", "MobilePhone") and the message says why, in French.
/// </summary>
public sealed class DirectoryValidationException(string field, string reason)
    : Exception($"{field} : {reason}")
{
    public string Field { get; } = field;

    public string Reason { get; } = reason;
}
