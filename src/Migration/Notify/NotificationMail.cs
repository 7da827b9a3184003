using System.Net;
using SupportBot.AccountDirectory.Mail;

namespace SupportBot.Migration.Notify;

/// <summary>The French message that tells a migrated parent their identifier and how to choose a password.</summary>
internal static class NotificationMail
{
    public const string Purpose = "notification-migration-siecle";

    public const string Subject = "Services en ligne de l'éducation nationale – votre nouvel identifiant";

    public static OutgoingMail Build(string to, string identifier, IReadOnlyList<string> oldIdentifiers, Uri link, int validityMinutes)
    {
        var validity = Validity(validityMinutes);
        var old = oldIdentifiers.Count == 0
            ? ""
            : $"Votre ancien identifiant ({string.Join(", ", oldIdentifiers)}) reste reconnu, mais nous vous conseillons d'utiliser le nouveau.\n";
        var text = $"""
            Bonjour,

            Votre compte des téléservices (créé avec le code d'activation reçu de l'établissement) est remplacé par un compte unique,
            valable pour tous vos enfants et pour toute leur scolarité.

            Votre identifiant : {identifier}
            {old}
            Votre ancien mot de passe n'est pas repris. Pour choisir votre mot de passe, ouvrez ce lien (valable {validity}) :
            {link}

            Le mot de passe doit compter de 8 à 14 caractères, lettres non accentuées et chiffres, avec au moins une lettre et un chiffre.
            Si le lien a expiré, utilisez « Mot de passe perdu » avec votre identifiant.

            Ce message est envoyé automatiquement, merci de ne pas y répondre.
            """;
        var e = (string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr"><body>
            <p>Bonjour,</p>
            <p>Votre compte des téléservices (créé avec le code d'activation reçu de l'établissement) est remplacé par un compte unique,
            valable pour tous vos enfants et pour toute leur scolarité.</p>
            <p>Votre identifiant : <strong>{e(identifier)}</strong></p>
            {(old.Length == 0 ? "" : $"<p>{e(old.Trim())}</p>")}
            <p>Votre ancien mot de passe n'est pas repris. Pour choisir votre mot de passe, ouvrez ce lien (valable {e(validity)}) :<br>
            <a href="{e(link.AbsoluteUri)}">Choisir mon mot de passe</a></p>
            <p>Le mot de passe doit compter de 8 à 14 caractères, lettres non accentuées et chiffres, avec au moins une lettre et un chiffre.
            Si le lien a expiré, utilisez « Mot de passe perdu » avec votre identifiant.</p>
            <p>Ce message est envoyé automatiquement, merci de ne pas y répondre.</p>
            </body></html>
            """;
        return new OutgoingMail(to, Subject, text, html, Purpose);
    }

    private static string Validity(int minutes) => minutes switch
    {
        >= 1440 when minutes % 1440 == 0 => minutes / 1440 == 1 ? "1 jour" : $"{minutes / 1440} jours",
        >= 60 when minutes % 60 == 0 => minutes / 60 == 1 ? "1 heure" : $"{minutes / 60} heures",
        _ => $"{minutes} minutes",
    };
}
