namespace SupportBot.AccountDirectory.Mail;

public enum QueuedMailStatus
{
    /// <summary>Waits for the worker: due at <see cref="QueuedMail.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>Given up (refused for good, or every attempt failed); kept masked for the operators until the retention purge.</summary>
    Failed,
}
