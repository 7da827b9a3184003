namespace SupportBot.EndToEnd.Tests.Fuzz;

/// <summary>
/// What a real client holds, so that hostile requests reach past authentication: Direct Line conversations and their
/// tokens, a password reset link's token, a director's link and case, the académie's link, Twilio's auth token, a
/// channel token for Azure Bot Service.
/// </summary>
internal sealed record FuzzContext(
    Uri BaseAddress,
    string DirectLineSecret,
    IReadOnlyList<(string ConversationId, string Token)> Conversations,
    string ResetToken,
    string DirectorToken,
    string CaseReference,
    string AcademieToken,
    string TwilioAuthToken,
    string AzureServiceUrl,
    Func<string> AzureToken);
