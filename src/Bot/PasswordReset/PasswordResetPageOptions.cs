using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.PasswordReset;

/// <summary>Configuration section <c>PasswordReset</c>: the reset page's limit on guesses.</summary>
internal sealed class PasswordResetPageOptions
{
    public const string Section = "PasswordReset";

    /// <summary>
    /// Requests to the page (a link opened, a form posted) one client address may make per window, whichever instance
    /// answers. A parent needs a handful; each one above is a token guessed or a password hash computed for nothing.
    /// </summary>
    [Range(1, 100_000)]
    public int AttemptsPerClientAddress { get; set; } = 20;

    [Range(1, 24 * 60)]
    public int AttemptWindowMinutes { get; set; } = 10;
}
