using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Security;

namespace SupportBot.Bot.Cases;

/// <summary>
/// The signed, expiring links of the directors' and the académie's workspace: an HMAC-signed JWT naming the school (or
/// the académie) and an expiry, in the link's query. Tampered, expired or made for another school, it lets no one in.
/// The same key also hashes who opens cases (<see cref="RequesterKey"/>), so that the limits never keep an address.
/// </summary>
internal sealed class CaseLinks
{
    private const string Issuer = "supportbot-espace";
    private const string SchoolClaim = "uai";
    private const string ScopeClaim = "scope";
    private const string AcademieScope = "academie";
    private const string SchoolScope = "ecole";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly TimeProvider _time;
    private readonly CasesOptions _options;

    // Read (or created) at first use, so that tools that only build the services (dialogs check) write no key file.
    private readonly Lazy<(SymmetricSecurityKey Signing, byte[] Requester)> _keys;

    public CaseLinks(IOptions<CasesOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _keys = new(() =>
        {
            var key = SigningKeyFile.LoadOrCreate(_options.LinkSigningKey, "Cases:LinkSigningKey", _options.KeyFile!);
            return (new SymmetricSecurityKey(key), HMACSHA256.HashData(key, "requester-keys"u8));
        });
    }

    public TimeSpan Lifetime => TimeSpan.FromDays(_options.LinkLifetimeDays);

    public string Issue(WorkspaceAccess access)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        Claim[] claims = access.IsAcademie
            ? [new Claim(ScopeClaim, AcademieScope)]
            : [new Claim(ScopeClaim, SchoolScope), new Claim(SchoolClaim, access.SchoolUai!)];
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(_keys.Value.Signing, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Who the token lets in, or null (missing, tampered, expired: the caller answers the same in every case).</summary>
    public async Task<WorkspaceAccess?> ValidateAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2048)
        {
            return null;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = _keys.Value.Signing,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) => expires is { } e && e > now && (notBefore is not { } nb || nb <= now),
        });
        if (!result.IsValid || !result.Claims.TryGetValue(ScopeClaim, out var scope))
        {
            return null;
        }

        return (scope as string) switch
        {
            AcademieScope => WorkspaceAccess.Academie,
            SchoolScope when result.Claims.TryGetValue(SchoolClaim, out var uai) && uai is string { Length: > 0 } school => WorkspaceAccess.School(school),
            _ => null,
        };
    }

    /// <summary>A keyed hash (32 hex characters) of who asks: a conversation, a sender, a client address. Null stays null.</summary>
    public string? RequesterKey(string kind, string? value) =>
        string.IsNullOrEmpty(value)
            ? null
            : Convert.ToHexStringLower(HMACSHA256.HashData(_keys.Value.Requester, Encoding.UTF8.GetBytes(kind + "\n" + value)))[..32];
}
