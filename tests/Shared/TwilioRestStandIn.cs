using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SupportBot.Testing;

/// <summary>
/// A local HTTP server answering Twilio's REST Messages API (POST /2010-04-01/Accounts/{sid}/Messages.json) as Twilio
/// does: 201 with the message's sid, or the status and error given by <see cref="Answer"/>.
/// </summary>
public sealed class TwilioRestStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TwilioRestStandIn(WebApplication app) => _app = app;

    /// <summary>Every call, in order, whatever was answered.</summary>
    public ConcurrentQueue<TwilioCall> Calls { get; } = new();

    /// <summary>Decides the answer to the n-th call (1-based): null for 201 Created, else an HTTP status.</summary>
    public Func<int, int?> Answer { get; set; } = _ => null;

    public string BaseUrl => _app.Urls.First();

    public static async Task<TwilioRestStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new TwilioRestStandIn(app);
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            standIn.Calls.Enqueue(new TwilioCall(context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(),
                form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            return standIn.Answer(standIn.Calls.Count) switch
            {
                null => Results.Json(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued" }, statusCode: 201),
                400 => Results.Json(new { code = 21211, message = $"The 'To' number {form["To"]} is not a valid phone number.", status = 400 }, statusCode: 400),
                var status => Results.Json(new { code = 20500, message = "Internal Server Error", status }, statusCode: status),
            };
        });
        await app.StartAsync();
        return standIn;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record TwilioCall(string Path, string? Authorization, Dictionary<string, string> Form);
