using SupportBot.AccountDirectory.Accounts;

namespace SupportBot.Migration.Rules;

/// <summary>
/// Rule 6: a new account is « Notifié et non activé » when its e-mail is confirmed (the notify command can then mail
/// it its identifier and a set-password link), « Non notifié » otherwise. Its origin is « migration SIECLE » and no
/// legacy password is carried over: both are the writer's (<c>Writing/DirectoryWriter.cs</c>), which has no choice to make.
/// </summary>
internal static class InitialStatus
{
    public static AccountStatus For(bool emailConfirmed) => emailConfirmed ? AccountStatus.NotifieNonActive : AccountStatus.NonNotifie;
}
