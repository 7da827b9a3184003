using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
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

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key;
    private readonly TimeProvider _time;
    private readonly DirectLineOptions _options;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _key = new SymmetricSecurityKey(SigningKeyFile.LoadOrCreate(_options.TokenSigningKey, "DirectLine:TokenSigningKey", _options.KeyFile!));
    }

    public DirectLineToken Issue(string conversationId, string userId)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(_options.TokenLifetimeMinutes);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = new ClaimsIdentity([new Claim(ConversationClaim, conversationId), new Claim(UserClaim, userId)]),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
        return new DirectLineToken(token, conversationId, userId, (int)lifetime.TotalSeconds);
    }

    public async Task<TokenValidation> ValidateAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return new TokenValidation(TokenCheck.Missing);
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } e && e > _time.GetUtcNow().UtcDateTime && (notBefore is not { } nb || nb <= _time.GetUtcNow().UtcDateTime),
        });
        if (!result.IsValid)
        {
            return new TokenValidation(result.Exception is SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException
                ? TokenCheck.Expired
                : TokenCheck.Invalid);
        }

        return new TokenValidation(TokenCheck.Valid,
            result.Claims.TryGetValue(ConversationClaim, out var conversation) ? conversation as string : null,
            result.Claims.TryGetValue(UserClaim, out var user) ? user as string : null);
    }

    /// <summary>Constant-time comparison of a presented Bearer with the configured secret.</summary>
    public bool IsSecret(string? bearer) =>
        _options.Secret is { Length: > 0 } secret && bearer is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(bearer)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
