using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Bot.Security;

/// <summary>What a presented token turned out to be; <see cref="Claims"/> only when valid (an expired one within the grace asked for is valid and <see cref="Expired"/>).</summary>
internal sealed record HmacTokenCheck(bool Valid, bool Expired, IDictionary<string, object> Claims)
{
    public string? Claim(string name) => Claims.TryGetValue(name, out var value) ? value as string : null;
}

/// <summary>
/// HMAC-SHA256 JWTs of one issuer (its own audience), dated by the injected clock and checked against it with no skew:
/// the Direct Line tokens and the workspace links. The key is read at first use.
/// </summary>
internal sealed class HmacTokens(string issuer, Func<byte[]> key, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => new SymmetricSecurityKey(key()));

    public string Issue(IEnumerable<Claim> claims, TimeSpan lifetime)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(_key.Value, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <param name="acceptExpiredFor">How long after its expiry the token still passes (reported <c>Expired</c>): resuming a conversation.</param>
    public async Task<HmacTokenCheck> ValidateAsync(string token, TimeSpan acceptExpiredFor = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expiredBefore = now - acceptExpiredFor;
        DateTime? expiry = null;
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = issuer,
            IssuerSigningKey = _key.Value,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                expiry = expires;
                return expires is { } e && e > expiredBefore && (notBefore is not { } nb || nb <= now);
            },
        });
        return new HmacTokenCheck(result.IsValid,
            result.Exception is SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException || (result.IsValid && expiry <= now),
            result.IsValid ? result.Claims : new Dictionary<string, object>());
    }
}
