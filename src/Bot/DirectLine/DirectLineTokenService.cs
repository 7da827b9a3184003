using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Security;

namespace SupportBot.Bot.DirectLine;

internal enum TokenCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
}

internal sealed record DirectLineToken(string Token, string ConversationId, string UserId, int ExpiresIn);

internal sealed record TokenValidation(TokenCheck Check, string? ConversationId = null, string? UserId = null);

/// <summary>Direct Line tokens: HMAC-signed JWTs bound to one conversation and one user.</summary>
internal sealed class DirectLineTokenService
{
    private const string Issuer = "supportbot-directline";
    private const string ConversationClaim = "conv";
    private const string UserClaim = "user";

    // Tokens already found valid, until their expiry: Web Chat presents the same token on every poll and post, and
    // checking its signature and claims again was a few percent of a turn. Keyed by the whole token, signature included.
    private const int MaxRemembered = 50_000;
    private readonly ConcurrentDictionary<string, (TokenValidation Validation, DateTimeOffset Expires)> _valid = new(StringComparer.Ordinal);

    private readonly HmacTokens _tokens;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _time;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _tokens = new HmacTokens(Issuer,
            () => SigningKeyFile.LoadOrCreate(_options.TokenSigningKey, "DirectLine:TokenSigningKey", _options.KeyFile!), time);
    }

    public DirectLineToken Issue(string conversationId, string userId)
    {
        var lifetime = TimeSpan.FromMinutes(_options.TokenLifetimeMinutes);
        var token = _tokens.Issue([new Claim(ConversationClaim, conversationId), new Claim(UserClaim, userId)], lifetime);
        return new DirectLineToken(token, conversationId, userId, (int)lifetime.TotalSeconds);
    }

    public async Task<TokenValidation> ValidateAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return new TokenValidation(TokenCheck.Missing);
        }

        if (_valid.TryGetValue(token, out var known))
        {
            if (_time.GetUtcNow() < known.Expires)
            {
                return known.Validation;
            }

            _valid.TryRemove(token, out _);
        }

        var check = await _tokens.ValidateAsync(token);
        if (!check.Valid || check.Expired)
        {
            return new TokenValidation(check.Expired ? TokenCheck.Expired : TokenCheck.Invalid);
        }

        var validation = new TokenValidation(TokenCheck.Valid, check.Claim(ConversationClaim), check.Claim(UserClaim));
        if (check.Claims.TryGetValue("exp", out var exp))
        {
            var seconds = Convert.ToInt64(exp, CultureInfo.InvariantCulture);
            if (_valid.Count >= MaxRemembered)
            {
                _valid.Clear();
            }

            _valid[token] = (validation, DateTimeOffset.FromUnixTimeSeconds(seconds));
        }

        return validation;
    }

    /// <summary>
    /// The conversation and user of a token of ours that is still valid or expired less than
    /// <see cref="DirectLineOptions.ResumeWindowHours"/> ago: the help page resumes a conversation left idle longer than
    /// a token lives (DirectLineJS refreshes only every 15 minutes, and not at all while the computer sleeps).
    /// </summary>
    public async Task<TokenValidation> ValidateForResumeAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || _options.ResumeWindowHours == 0)
        {
            return new TokenValidation(TokenCheck.Missing);
        }

        var check = await _tokens.ValidateAsync(token, TimeSpan.FromHours(_options.ResumeWindowHours));
        return check.Valid
            ? new TokenValidation(TokenCheck.Valid, check.Claim(ConversationClaim), check.Claim(UserClaim))
            : new TokenValidation(TokenCheck.Invalid);
    }

    /// <summary>Constant-time comparison of a presented Bearer with the configured secret.</summary>
    public bool IsSecret(string? bearer) =>
        _options.Secret is { Length: > 0 } secret && bearer is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(bearer)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
