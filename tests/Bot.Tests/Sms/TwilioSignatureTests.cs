using Microsoft.Extensions.Primitives;
using SupportBot.Bot.Sms;
using SupportBot.Testing;

namespace SupportBot.Bot.Tests.Sms;

/// <summary>
/// The webhook's check (Twilio's .NET <c>RequestValidator</c> behind <see cref="TwilioSignature"/>) and the tests' signer
/// (<see cref="TwilioTestSignature"/>) against twilio-node's (npm `twilio`), the library Twilio's own servers are checked with.
/// </summary>
public sealed class TwilioSignatureTests
{
    private const string AuthToken = "12345678901234567890123456789012";

    private static readonly Dictionary<string, string> Webhook = new()
    {
        ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["ApiVersion"] = "2010-04-01",
        ["Body"] = "j'ai oublié mon mot de passe, ça bloque « vraiment » € [urgent]",
        ["From"] = "+33612345678",
        ["FromCountry"] = "FR",
        ["MessageSid"] = "SM0123456789abcdef0123456789abcdef",
        ["NumMedia"] = "0",
        ["NumSegments"] = "1",
        ["SmsStatus"] = "received",
        ["To"] = "+33757000000",
        ["a"] = "lower-case names sort after upper-case ones",
    };

    public static TheoryData<string> Urls =>
    [
        "https://supportbot.example.fr/api/sms/twilio",
        "https://supportbot.example.fr:443/api/sms/twilio",
        "https://supportbot.example.fr/api/sms/twilio?canal=sms&x=%27y%27",
        "http://127.0.0.1:5080/api/sms/twilio",
    ];

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task WhatTwilioNodeSigns_IsValid_AndTheTestSignerSignsTheSame(string url)
    {
        var oracle = await NodeOracle.RunAsync("twilio-signature.js", new[] { new { authToken = AuthToken, url, @params = Webhook } });
        var signature = oracle[0]!["signature"]!.GetValue<string>();

        Assert.True(TwilioSignature.IsValid(AuthToken, url, Form(Webhook), signature));
        Assert.Equal(signature, TwilioTestSignature.Compute(AuthToken, url, Webhook));
    }

    [Fact]
    public async Task IsValid_AcceptsWhatTwilioNodeSignsWithOrWithoutTheDefaultPort()
    {
        var oracle = await NodeOracle.RunAsync("twilio-signature.js", new[]
        {
            new { authToken = AuthToken, url = "https://supportbot.example.fr:443/api/sms/twilio", @params = Webhook },
        });
        var signature = oracle[0]!["signature"]!.GetValue<string>();

        Assert.True(TwilioSignature.IsValid(AuthToken, "https://supportbot.example.fr/api/sms/twilio", Form(Webhook), signature));
        Assert.True(TwilioSignature.IsValid(AuthToken, "https://supportbot.example.fr:443/api/sms/twilio", Form(Webhook), signature));
    }

    [Fact]
    public async Task IsValid_RefusesTamperedRequestsLikeTwilioNode()
    {
        const string url = "https://supportbot.example.fr/api/sms/twilio";
        var signature = TwilioTestSignature.Compute(AuthToken, url, Webhook);
        var tamperedBody = new Dictionary<string, string>(Webhook) { ["Body"] = "STOP" };
        var tamperedSignature = signature[..^2] + (signature[^2] == 'A' ? "B" : "A") + signature[^1];

        var oracle = await NodeOracle.RunAsync("twilio-signature.js", new object[]
        {
            new { authToken = AuthToken, url, @params = Webhook, header = signature },
            new { authToken = AuthToken, url, @params = tamperedBody, header = signature },
            new { authToken = AuthToken, url, @params = Webhook, header = tamperedSignature },
            new { authToken = "another-token-another-token-1234", url, @params = Webhook, header = signature },
            new { authToken = AuthToken, url = url + "/autre", @params = Webhook, header = signature },
        });

        Assert.Equal(
            oracle.AsArray().Select(r => r!["valid"]!.GetValue<bool>()),
            [
                TwilioSignature.IsValid(AuthToken, url, Form(Webhook), signature),
                TwilioSignature.IsValid(AuthToken, url, Form(tamperedBody), signature),
                TwilioSignature.IsValid(AuthToken, url, Form(Webhook), tamperedSignature),
                TwilioSignature.IsValid("another-token-another-token-1234", url, Form(Webhook), signature),
                TwilioSignature.IsValid(AuthToken, url + "/autre", Form(Webhook), signature),
            ]);
        Assert.Equal([true, false, false, false, false], oracle.AsArray().Select(r => r!["valid"]!.GetValue<bool>()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pas-une-signature")]
    public void IsValid_MissingOrGarbledSignature_IsRefused(string? signature)
    {
        Assert.False(TwilioSignature.IsValid(AuthToken, "https://supportbot.example.fr/api/sms/twilio", Form(Webhook), signature));
    }

    private static Dictionary<string, StringValues> Form(Dictionary<string, string> fields) =>
        fields.ToDictionary(f => f.Key, f => new StringValues(f.Value));
}
