using Microsoft.Extensions.DependencyInjection;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Tests.Dialogs;

namespace SupportBot.Bot.Tests.Cases;

/// <summary>The workspace's links: one school (or the académie), 14 days, nothing else lets anyone in.</summary>
public sealed class CaseLinksTests
{
    [Fact]
    public async Task SchoolLink_LetsThatSchoolInForFourteenDays()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        var links = bot.Services.GetRequiredService<CaseLinks>();
        var token = links.Issue(WorkspaceAccess.School("0352207J"));

        var fresh = await links.ValidateAsync(token);
        bot.Time.Advance(TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1));
        var lastSecond = await links.ValidateAsync(token);
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        var expired = await links.ValidateAsync(token);

        Assert.Equal("0352207J", fresh?.SchoolUai);
        Assert.Equal("0352207J", lastSecond?.SchoolUai);
        Assert.Null(expired);
    }

    [Fact]
    public async Task LinkLifetime_IsASetting()
    {
        await using var bot = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Cases:LinkLifetimeDays"] = "2" }, seedDemo: false);
        var links = bot.Services.GetRequiredService<CaseLinks>();
        var token = links.Issue(WorkspaceAccess.Academie);

        bot.Time.Advance(TimeSpan.FromDays(2));

        Assert.Null(await links.ValidateAsync(token));
    }

    [Fact]
    public async Task TamperedOrForeignTokens_LetNoOneIn()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        await using var other = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Cases:LinkSigningKey"] = new string('k', 40) }, seedDemo: false);
        var links = bot.Services.GetRequiredService<CaseLinks>();
        var token = links.Issue(WorkspaceAccess.School("0352207J"));
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]));
        var otherSchool = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload.Replace("0352207J", "0350122T", StringComparison.Ordinal));
        var unsigned = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + parts[1] + ".";

        string[] forged =
        [
            $"{parts[0]}.{otherSchool}.{parts[2]}",
            $"{parts[0]}.{parts[1]}.{parts[2][..^2]}AA",
            unsigned,
            other.Services.GetRequiredService<CaseLinks>().Issue(WorkspaceAccess.School("0352207J")),
            "",
            "pas-un-jeton",
            new string('a', 5000),
        ];

        foreach (var token1 in forged)
        {
            Assert.Null(await links.ValidateAsync(token1));
        }

        Assert.True((await links.ValidateAsync(links.Issue(WorkspaceAccess.Academie)))!.IsAcademie);
    }

    [Fact]
    public async Task RequesterKeys_AreStableKeyedHashesThatKeepNoAddress()
    {
        await using var bot = await BotTestHost.StartAsync(seedDemo: false);
        await using var other = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Cases:LinkSigningKey"] = new string('k', 40) }, seedDemo: false);
        var links = bot.Services.GetRequiredService<CaseLinks>();

        var key = links.RequesterKey("client", "192.0.2.10");

        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.Equal(key, links.RequesterKey("client", "192.0.2.10"));
        Assert.NotEqual(key, links.RequesterKey("client", "192.0.2.11"));
        Assert.NotEqual(key, links.RequesterKey("sender", "192.0.2.10"));
        Assert.NotEqual(key, other.Services.GetRequiredService<CaseLinks>().RequesterKey("client", "192.0.2.10"));
        Assert.Null(links.RequesterKey("client", null));
    }
}
