using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

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
        _key = new SymmetricSecurityKey(LoadOrCreateKey(_options));
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

    private static byte[] LoadOrCreateKey(DirectLineOptions options)
    {
        if (!string.IsNullOrEmpty(options.TokenSigningKey))
        {
            return options.TokenSigningKey.Length >= 32
                ? Encoding.UTF8.GetBytes(options.TokenSigningKey)
                : throw new OptionsValidationException(DirectLineOptions.Section, typeof(DirectLineOptions),
                    ["DirectLine:TokenSigningKey must be at least 32 characters long."]);
        }

        // A key kept beside the embedded database, so tokens outlive a restart; instances sharing a database in
        // production share DirectLine:TokenSigningKey instead.
        var path = Path.GetFullPath(options.KeyFile!);
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(64);
        try
        {
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            }

            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance created it first: use theirs.
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}
