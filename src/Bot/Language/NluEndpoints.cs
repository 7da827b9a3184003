using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Language;

internal static class NluEndpoints
{
    private const int MaxTextLength = 2000;

    /// <summary>POST /api/nlu {"text": "..."}, only when Nlu:EnableApi is true.</summary>
    public static IEndpointRouteBuilder MapNlu(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IOptions<NluOptions>>().Value.EnableApi)
        {
            app.MapPost("/api/nlu", Analyze);
        }

        return app;
    }

    private static Results<Ok<NluResult>, ValidationProblem> Analyze(NluRequest request, NluAnalyzer analyzer)
    {
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxTextLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["text"] = [$"text is required, at most {MaxTextLength} characters."],
            });
        }

        return TypedResults.Ok(analyzer.Analyze(request.Text));
    }

    internal sealed record NluRequest(string? Text);
}
