using System.ComponentModel.DataAnnotations;

namespace SupportBot.AccountDirectory.Mail;

public enum MailMode
{
    /// <summary>Each message is written as an .eml file under <see cref="MailOptions.PickupDirectory"/>.</summary>
    Pickup,
    Smtp,
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}

/// <summary>Configuration section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailMode Mode { get; set; } = MailMode.Pickup;

    /// <summary>Defaults to <c>outbox/</c> in the data folder (<see cref="Data.DataOptions"/>).</summary>
    [Required]
    public string? PickupDirectory { get; set; }

    [Required]
    public string FromName { get; set; } = "Assistance Toutatice";

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "ne-pas-repondre@toutatice.example";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}
