namespace SupportBot.AccountDirectory.Accounts;

/// <summary>The French labels a director reads (EduConnect's administration and « Lister les comptes »).</summary>
public static class AccountLabels
{
    public static string Label(this AccountStatus status) => status switch
    {
        AccountStatus.NonNotifie => "Non notifié",
        AccountStatus.NotifieNonActive => "Notifié et non activé",
        AccountStatus.EnCoursActivation => "En cours d'activation",
        AccountStatus.Active => "Activé",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Label(this AccountOrigin origin) => origin switch
    {
        AccountOrigin.NonRenseigne => "Non renseigné",
        AccountOrigin.Etablissement => "Établissement",
        AccountOrigin.AutoInscription => "Auto-inscription",
        AccountOrigin.FranceConnect => "FranceConnect",
        AccountOrigin.MigrationSiecle => "Migration SIECLE",
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, null),
    };
}
