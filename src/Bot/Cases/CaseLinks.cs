using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
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

    private readonly HmacTokens _tokens;
    private readonly CasesOptions _options;

    // Read (or created) at first use, so that tools that only build the services (dialogs check) write no key file.
    private readonly Lazy<byte[]> _key;
    private readonly Lazy<byte[]> _requesterKey;

    public CaseLinks(IOptions<CasesOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _key = new(() => SigningKeyFile.LoadOrCreate(_options.LinkSigningKey, "Cases:LinkSigningKey", _options.KeyFile!));
        _requesterKey = new(() => HMACSHA256.HashData(_key.Value, "requester-keys"u8));
        _tokens = new HmacTokens(Issuer, () => _key.Value, time);
    }

    public TimeSpan Lifetime => TimeSpan.FromDays(_options.LinkLifetimeDays);

    public string Issue(WorkspaceAccess access) => _tokens.Issue(access.IsAcademie
        ? [new Claim(ScopeClaim, AcademieScope)]
        : [new Claim(ScopeClaim, SchoolScope), new Claim(SchoolClaim, access.SchoolUai!)], Lifetime);

    /// <summary>Who the token lets in, or null (missing, tampered, expired: the caller answers the same in every case).</summary>
    public async Task<WorkspaceAccess?> ValidateAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2048)
        {
            return null;
        }

        var check = await _tokens.ValidateAsync(token);
        return check.Claim(ScopeClaim) switch
        {
            AcademieScope => WorkspaceAccess.Academie,
            SchoolScope when check.Claim(SchoolClaim) is { Length: > 0 } school => WorkspaceAccess.School(school),
            _ => null,
        };
    }

    /// <summary>A keyed hash (32 hex characters) of who asks: a conversation, a sender, a client address. Null stays null.</summary>
    public string? RequesterKey(string kind, string? value) =>
        string.IsNullOrEmpty(value)
            ? null
            : Convert.ToHexStringLower(HMACSHA256.HashData(_requesterKey.Value, Encoding.UTF8.GetBytes(kind + "\n" + value)))[..32];
}
