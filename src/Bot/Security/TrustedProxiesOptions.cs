using System.ComponentModel.DataAnnotations;
using System.Net;

namespace SupportBot.Bot.Security;

/// <summary>
/// Configuration section <c>ForwardedHeaders</c>: the reverse proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. None by default: a header any client can write must not choose the address
/// the limits count against.
/// </summary>
internal sealed class TrustedProxiesOptions : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>The proxies' own addresses (<c>10.0.0.5</c>, <c>::1</c>).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies, in CIDR notation (<c>10.0.0.0/24</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (value, i) in KnownProxies.Select((v, i) => (v, i)))
        {
            if (!IPAddress.TryParse(value, out _))
            {
                yield return new ValidationResult($"{Section}:KnownProxies:{i} « {value} » is not an IP address.", [nameof(KnownProxies)]);
            }
        }

        foreach (var (value, i) in KnownNetworks.Select((v, i) => (v, i)))
        {
            if (!IPNetwork.TryParse(value, out _))
            {
                yield return new ValidationResult($"{Section}:KnownNetworks:{i} « {value} » is not a network in CIDR notation (10.0.0.0/24).",
                    [nameof(KnownNetworks)]);
            }
        }
    }
}
