namespace SupportBot.AccountDirectory.Mail;

/// <summary>
/// A message to one parent or director. <paramref name="Purpose"/> names it in logs (identifiant-oublie,
/// reinitialisation-mot-de-passe...), since the body may hold a secret and is never logged.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string? HtmlBody, string Purpose);
