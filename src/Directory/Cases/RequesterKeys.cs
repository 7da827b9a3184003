namespace SupportBot.AccountDirectory.Cases;

/// <summary>Who opens a case, as keyed hashes (never the address itself): the conversation, the sender, the client address.</summary>
public sealed record RequesterKeys(string? Conversation, string? Sender, string? Client);
