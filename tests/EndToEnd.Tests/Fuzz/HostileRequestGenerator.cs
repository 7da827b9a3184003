using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Bot.Sms;
using SupportBot.Testing;

namespace SupportBot.EndToEnd.Tests.Fuzz;

/// <summary>
/// Request <c>i</c> of seed <c>s</c>, always the same (given the same <see cref="FuzzContext"/> roles): one of the
/// service's endpoints, as Program.cs maps them, chosen by weight, then built hostile by that endpoint's own recipe.
/// </summary>
internal sealed class HostileRequestGenerator(int seed, FuzzContext context)
{
    private const string Json = "application/json";

    /// <summary>Every endpoint the service maps ("METHOD pattern", * for any method), with its share of the requests and its recipe.</summary>
    public IReadOnlyList<(string Target, int Weight, Func<Random, Parts> Build)> Targets =>
    [
        ("POST /v3/directline/tokens/generate", 4, TokensGenerate),
        ("POST /v3/directline/tokens/refresh", 2, r => DirectLineBare(r, "POST", "/v3/directline/tokens/refresh")),
        ("POST /v3/directline/conversations", 3, r => DirectLineBare(r, "POST", "/v3/directline/conversations")),
        ("GET /v3/directline/conversations/{conversationId}", 3, r => DirectLineRead(r, "")),
        ("POST /v3/directline/conversations/{conversationId}/activities", 24, PostActivity),
        ("GET /v3/directline/conversations/{conversationId}/activities", 5, r => DirectLineRead(r, "/activities")),
        ("* /v3/directline/conversations/{conversationId}/stream", 3, Stream),
        ("POST /api/directline/token", 3, PageToken),
        ("POST /api/sms/twilio", 12, Twilio),
        ("POST /api/sms/twilio/statut", 3, TwilioStatus),
        ("POST /api/messages", 8, Azure),
        ("POST /api/nlu", 3, Nlu),
        ("GET /motdepasse/reinitialiser", 2, r => Get(r, "/motdepasse/reinitialiser", ("jeton", context.ResetToken))),
        ("POST /motdepasse/reinitialiser", 6, ResetSubmit),
        ("GET /directeur", 2, r => Get(r, "/directeur", ("jeton", context.DirectorToken), ("ok", "renvoyee"), ("dossier", context.CaseReference))),
        ("GET /directeur/dossier/{reference}", 2, r => Get(r, $"/directeur/dossier/{Reference(r)}", ("jeton", context.DirectorToken), ("ok", "traitee"))),
        ("POST /directeur/dossier/{reference}/traiter", 2, r => Form(r, $"/directeur/dossier/{Reference(r)}/traiter", ("jeton", context.DirectorToken), ("message", "C'est corrigé dans ONDE."))),
        ("POST /directeur/dossier/{reference}/renvoyer", 2, r => Form(r, $"/directeur/dossier/{Reference(r)}/renvoyer", ("jeton", context.DirectorToken), ("raison", "Enfant inconnu à l'école."))),
        ("GET /directeur/lien", 1, r => Get(r, "/directeur/lien")),
        ("POST /directeur/lien", 1, r => Form(r, "/directeur/lien", ("uai", "0352207J"))),
        ("GET /academie", 2, r => Get(r, "/academie", ("jeton", context.AcademieToken), ("ok", "orientee"), ("dossier", context.CaseReference))),
        ("GET /academie/dossier/{reference}", 3, r => Get(r, $"/academie/dossier/{Reference(r)}", ("jeton", context.AcademieToken), ("q", "jean moulin rennes"))),
        ("POST /academie/dossier/{reference}/orienter", 2, r => Form(r, $"/academie/dossier/{Reference(r)}/orienter", ("jeton", context.AcademieToken), ("uai", "0352207J"))),
        ("POST /academie/connexion", 1, r => Form(r, "/academie/connexion", ("code", "pas-le-bon-code-de-l-academie"))),
        ("POST /academie/lien", 1, r => Form(r, "/academie/lien")),
        ("GET /", 1, r => Get(r, "/")),
        ("GET /accessibilite", 1, r => Get(r, "/accessibilite")),
        ("GET /mentions-legales", 1, r => Get(r, "/mentions-legales")),
        ("GET /donnees-personnelles", 1, r => Get(r, "/donnees-personnelles")),
        ("* /health", 1, r => Get(r, "/health")),
        ("(outside the routes) static files, unknown paths, other methods, CORS preflights", 3, Elsewhere),
        ("(raw HTTP) malformed framing on the endpoints that read a body", 1, Raw),
    ];

    public HostileRequest Generate(int index)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var total = Targets.Sum(t => t.Weight);
        var pick = random.Next(total);
        foreach (var (target, weight, build) in Targets)
        {
            if (pick < weight)
            {
                var parts = build(random);
                return new HostileRequest(index, target, parts.Mutation, parts.Method, parts.PathAndQuery, parts.Headers, parts.Body, parts.Transport);
            }

            pick -= weight;
        }

        throw new InvalidOperationException("Weights do not add up.");
    }

    private Parts TokensGenerate(Random random)
    {
        var (auth, authSaid) = DirectLineAuth(random, preferSecret: true);
        var (body, bodySaid) = random.Next(5) switch
        {
            0 => ((byte[]?)null, "no body"),
            1 => (Encoding.UTF8.GetBytes($"{{\"user\":{{\"id\":{HostileValues.Json(random)}}}}}"), "user.id hostile"),
            2 => (Encoding.UTF8.GetBytes($"{{\"user\":{HostileValues.Json(random)}}}"), "user hostile"),
            3 => (Encoding.UTF8.GetBytes(HostileValues.Json(random)), "body any JSON"),
            _ => HostileActivities.Break(random, new JsonObject { ["user"] = new JsonObject { ["id"] = "dl_parent" } }),
        };
        return new Parts($"{authSaid}; {bodySaid}", "POST", "/v3/directline/tokens/generate", [.. auth, .. ContentType(random, Json)], body);
    }

    private Parts DirectLineBare(Random random, string method, string path)
    {
        var (auth, authSaid) = DirectLineAuth(random, preferSecret: false);
        byte[]? body = random.Next(3) == 0 ? Encoding.UTF8.GetBytes(HostileValues.Json(random)) : null;
        return new Parts($"{authSaid}; body {(body is null ? "none" : "any JSON")}", method, path + Query(random), [.. auth, .. ContentType(random, Json)], body);
    }

    private Parts DirectLineRead(Random random, string suffix)
    {
        var conversation = context.Conversations[random.Next(context.Conversations.Count)];
        var ((id, idSaid), (auth, authSaid)) = random.Next(3) == 0
            ? (ConversationId(random), DirectLineAuth(random, preferSecret: false))
            : ((conversation.ConversationId, ""), ([Bearer(conversation.Token)], "its token"));
        var watermark = random.Next(3) == 0 ? "" : "?watermark=" + QueryValue(random, new[] { "0", "1", "-1", "99999999999", "2147483648", "abc", "1.5", "" }[random.Next(8)]);
        return new Parts($"{idSaid}; {authSaid}; watermark", "GET", $"/v3/directline/conversations/{id}{suffix}{watermark}", auth, null);
    }

    private Parts PostActivity(Random random)
    {
        var (id, idSaid) = random.Next(8) == 0 ? ConversationId(random) : ("", "");
        var conversation = context.Conversations[random.Next(context.Conversations.Count)];
        var path = $"/v3/directline/conversations/{(id.Length > 0 ? id : conversation.ConversationId)}/activities";
        var (auth, authSaid) = random.Next(8) == 0 ? DirectLineAuth(random, preferSecret: false) : ([Bearer(conversation.Token)], "its token");
        var activity = HostileActivities.Normal(random);
        var (body, mutation) = random.Next(10) == 0 ? (Encoding.UTF8.GetBytes(activity.ToJsonString()), "well-formed") : HostileActivities.Break(random, activity);
        return new Parts($"{idSaid}{authSaid}; {mutation}", "POST", path, [.. auth, .. ContentType(random, Json)], body);
    }

    private Parts Stream(Random random)
    {
        var conversation = context.Conversations[random.Next(context.Conversations.Count)];
        var (id, _) = random.Next(4) == 0 ? ConversationId(random) : (conversation.ConversationId, "");
        var token = random.Next(4) == 0 ? QueryValue(random, HostileValues.Text(random)) : Uri.EscapeDataString(conversation.Token);
        var path = $"/v3/directline/conversations/{id}/stream?t={token}&watermark={QueryValue(random, HostileValues.Text(random))}";
        if (random.Next(3) == 0)
        {
            return new Parts("GET without a WebSocket", new[] { "GET", "POST", "PUT" }[random.Next(3)], path, [], null);
        }

        var frames = new byte[random.Next(1, 4096)];
        random.NextBytes(frames);
        return new Parts("WebSocket, hostile frames", "GET", path, [], frames, HostileTransport.WebSocket);
    }

    private Parts PageToken(Random random)
    {
        var (auth, authSaid) = random.Next(2) == 0 ? ([Bearer(context.Conversations[random.Next(context.Conversations.Count)].Token)], "a page's token")
            : DirectLineAuth(random, preferSecret: false);
        byte[]? body = random.Next(2) == 0 ? null : Encoding.UTF8.GetBytes(HostileValues.Json(random));
        return new Parts($"{authSaid}; body {(body is null ? "none" : "any JSON")}", "POST", "/api/directline/token", [.. auth, .. ContentType(random, Json)], body);
    }

    private Parts Twilio(Random random) => TwilioSigned(random, TwilioSmsEndpoints.Path, new List<KeyValuePair<string, string>>
        {
            new("MessageSid", random.Next(10) == 0 ? "SM" + new string('0', 32) : $"SM{random.Next():x8}{random.Next():x8}{random.Next():x8}{random.Next():x8}"),
            new("AccountSid", "AC0123456789abcdef0123456789abcdef"),
            new("From", random.Next(3) == 0 ? HostileValues.EscapableOnly(HostileValues.Text(random)) : $"+3361234{random.Next(10000):D4}"),
            new("To", "+33700000000"),
            new("Body", HostileValues.EscapableOnly(HostileValues.Text(random))),
            new("NumMedia", random.Next(4) == 0 ? HostileValues.EscapableOnly(HostileValues.Text(random)) : "0"),
        });

    /// <summary>Twilio's delivery status callback: known statuses and hostile ones, error codes numeric or not.</summary>
    private Parts TwilioStatus(Random random) => TwilioSigned(random, TwilioStatusEndpoints.Path, new List<KeyValuePair<string, string>>
        {
            new("MessageSid", random.Next(3) == 0 ? HostileValues.EscapableOnly(HostileValues.Text(random)) : $"SM{random.Next():x8}{random.Next():x8}{random.Next():x8}{random.Next():x8}"),
            new("AccountSid", "AC0123456789abcdef0123456789abcdef"),
            new("MessageStatus", random.Next(3) == 0 ? HostileValues.EscapableOnly(HostileValues.Text(random)) : new[] { "queued", "sent", "delivered", "undelivered", "failed" }[random.Next(5)]),
            new("ErrorCode", random.Next(3) == 0 ? HostileValues.EscapableOnly(HostileValues.Text(random)) : "30003"),
            new("To", "+33612345678"),
        });

    private Parts TwilioSigned(Random random, string path, List<KeyValuePair<string, string>> fields)
    {
        var url = new Uri(context.BaseAddress, path).ToString();
        if (random.Next(3) == 0)
        {
            // Well-formed and signed: the hostile values reach the handler (the SMS turn, the delivery record).
            var signature = TwilioTestSignature.Compute(context.TwilioAuthToken, url, fields);
            var encoded = Encoding.UTF8.GetBytes(string.Join("&", fields.Select(HostileForms.Encode)));
            return new Parts("signed; " + string.Join("; ", fields.Select(f => $"{f.Key}={HostileActivities.Shorten(f.Value)}")), "POST", path,
                [new("X-Twilio-Signature", signature), .. ContentType(random, HostileForms.UrlEncoded)], encoded);
        }

        var (body, contentType, mutation) = HostileForms.Build(random, fields);
        var signed = random.Next(2) == 0 ? TwilioTestSignature.Compute(context.TwilioAuthToken, url, fields) : HostileValues.HeaderSafe(HostileValues.Text(random));
        return new Parts($"signature of the fields before breaking; {mutation}", "POST", path,
            [new("X-Twilio-Signature", signed), .. ContentType(random, contentType)], body);
    }

    private Parts Azure(Random random)
    {
        var (auth, authSaid) = random.Next(8) switch
        {
            0 => ([], "no token"),
            1 => ([Bearer(HostileValues.EscapableOnly(HostileValues.Text(random)))], "garbage token"),
            2 => ([Bearer(context.AzureToken()[..^4] + "AAAA")], "bad signature"),
            _ => ((KeyValuePair<string, string>[])[Bearer(context.AzureToken())], "channel token"),
        };
        var activity = HostileActivities.Normal(random, context.AzureServiceUrl);
        var (body, mutation) = random.Next(8) == 0 ? (Encoding.UTF8.GetBytes(activity.ToJsonString()), "well-formed") : HostileActivities.Break(random, activity);
        return new Parts($"{authSaid}; {mutation}", "POST", "/api/messages", [.. auth, .. ContentType(random, Json)], body);
    }

    private Parts Nlu(Random random)
    {
        var (body, mutation) = random.Next(3) switch
        {
            0 => (Encoding.UTF8.GetBytes($"{{\"text\":{HostileValues.Json(random)}}}"), "text hostile"),
            1 => (Encoding.UTF8.GetBytes(HostileValues.Json(random)), "body any JSON"),
            _ => HostileActivities.Break(random, new JsonObject { ["text"] = "j'ai perdu mon mot de passe" }),
        };
        return new Parts(mutation, "POST", "/api/nlu", ContentType(random, Json), body);
    }

    private Parts ResetSubmit(Random random)
    {
        var password = random.Next(4) == 0 ? "Nouveau2026" : HostileValues.EscapableOnly(HostileValues.Text(random));
        var token = random.Next(4) == 0 ? HostileValues.EscapableOnly(HostileValues.Text(random)) : context.ResetToken;
        return Form(random, "/motdepasse/reinitialiser", ("jeton", token), ("motdepasse", password), ("confirmation", random.Next(2) == 0 ? password : "Autre2026"));
    }

    private Parts Get(Random random, string path, params (string Name, string Value)[] fields)
    {
        var query = string.Join("&", fields.Select(f => random.Next(3) switch
        {
            0 => $"{f.Name}={QueryValue(random, HostileValues.Text(random))}",
            1 => "",
            _ => $"{f.Name}={Uri.EscapeDataString(f.Value)}",
        }).Where(p => p.Length > 0));
        var extra = Query(random);
        var pathAndQuery = path + (query.Length > 0 ? "?" + query + (extra.Length > 0 ? "&" + extra[1..] : "") : extra);
        return new Parts("query hostile", "GET", pathAndQuery, Headers(random), null);
    }

    private Parts Form(Random random, string path, params (string Name, string Value)[] fields)
    {
        var (body, contentType, mutation) = HostileForms.Build(random, fields.Length == 0 ? [new("x", "y")] : [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]);
        return new Parts(mutation, "POST", path + (random.Next(4) == 0 ? Query(random) : ""), [.. ContentType(random, contentType), .. Headers(random)], body);
    }

    private Parts Elsewhere(Random random)
    {
        var paths = new[]
        {
            "/js/assistant.js", "/css/site.css", "/lib/dsfr/dsfr.min.css", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/js/%00.js", "/js/..%2f..%2fappsettings.json",
            "/appsettings.json", "/data/supportbot.db", "/directeur/dossier/", "/v3/directline/conversations/x/activities/y", "/api/sms", "/" + new string('a', 5000),
            "/v3/directline/tokens/generate", "/api/directline/token", "/motdepasse/reinitialiser", "/academie/connexion", "/health", "/%ff", "//", "/./", "/%c0%af",
        };
        var method = new[] { "GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO" }[random.Next(8)];
        var headers = new List<KeyValuePair<string, string>>(Headers(random));
        if (method == "OPTIONS")
        {
            headers.Add(new("Origin", new[] { "https://evil.example", "null", "http://127.0.0.1", HostileValues.HeaderSafe(HostileValues.Text(random)) }[random.Next(4)]));
            headers.Add(new("Access-Control-Request-Method", new[] { "POST", "GET", "DELETE", "" }[random.Next(4)]));
            headers.Add(new("Access-Control-Request-Headers", new[] { "authorization,content-type", "x-evil", "", new string('a', 5000) }[random.Next(4)]));
        }

        return new Parts($"{method} outside the routes", method, paths[random.Next(paths.Length)] + Query(random), headers, null);
    }

    private Parts Raw(Random random)
    {
        var conversation = context.Conversations[random.Next(context.Conversations.Count)];
        var (path, contentType, extra) = random.Next(8) switch
        {
            0 => ($"/v3/directline/conversations/{conversation.ConversationId}/activities", Json, $"Authorization: Bearer {conversation.Token}\r\n"),
            1 => ("/api/sms/twilio", HostileForms.UrlEncoded, ""),
            2 => ("/motdepasse/reinitialiser", HostileForms.UrlEncoded, ""),
            3 => ("/api/nlu", Json, ""),
            4 => ("/api/messages", Json, $"Authorization: Bearer {context.AzureToken()}\r\n"),
            5 => ($"/directeur/dossier/{Uri.EscapeDataString(context.CaseReference)}/traiter", HostileForms.UrlEncoded, ""),
            6 => ("/api/directline/token", Json, ""),
            _ => ("/v3/directline/tokens/generate", Json, $"Authorization: Bearer {context.DirectLineSecret}\r\n"),
        };
        var (framing, said) = random.Next(5) switch
        {
            0 => ("Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", "chunk size not hexadecimal"),
            1 => ("Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n", "chunked body never ended, connection closed"),
            2 => ("Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\nabc\r\n", "chunk size overflow"),
            3 => ("Content-Length: 2\r\n\r\n{\"type\":\"message\"}", "body longer than Content-Length"),
            _ => ("Content-Length: 50\r\n\r\n{\"type\":", "body shorter than Content-Length, connection closed"),
        };
        var head = $"POST {path} HTTP/1.1\r\nHost: {context.BaseAddress.Authority}\r\nContent-Type: {contentType}\r\n{extra}Connection: close\r\n{framing}";
        return new Parts(said, "POST", path, [], Encoding.ASCII.GetBytes(head), HostileTransport.Raw);
    }

    private (KeyValuePair<string, string>[] Headers, string Said) DirectLineAuth(Random random, bool preferSecret)
    {
        var conversation = context.Conversations[random.Next(context.Conversations.Count)];
        return random.Next(preferSecret ? 10 : 8) switch
        {
            0 => ([], "no Authorization"),
            1 => ([Bearer(HostileValues.EscapableOnly(HostileValues.Text(random)))], "garbage token"),
            2 => ([new("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("a:b")))], "Basic"),
            3 => ([Bearer(conversation.Token[..^3] + "abc")], "tampered token"),
            4 => ([Bearer(conversation.Token.Split('.')[0] + ".." )], "token without signature"),
            5 => ([new("Authorization", "Bearer")], "Bearer alone"),
            6 or 7 when !preferSecret => ([Bearer(conversation.Token)], "a conversation's token"),
            _ => ([Bearer(context.DirectLineSecret)], "the secret"),
        };
    }

    private (string Id, string Said) ConversationId(Random random) => random.Next(5) switch
    {
        0 => (context.Conversations[random.Next(context.Conversations.Count)].ConversationId, "another conversation, "),
        1 => (new string('a', new[] { 64, 65, 5000 }[random.Next(3)]), "long id, "),
        2 => (new[] { "%00", "%2F", "..", "%ff", "%c0%af", "a%7Cb", "x;y", "%20" }[random.Next(8)], "odd id, "),
        _ => (Uri.EscapeDataString(HostileValues.EscapableOnly(HostileValues.Text(random))) is { Length: > 0 } id ? id : "x", "hostile id, "),
    };

    private string Reference(Random random) => random.Next(4) switch
    {
        0 or 1 => Uri.EscapeDataString(context.CaseReference),
        2 => new[] { "SB-000000", "sb-7kq4m2", "%00", "%2F", new string('S', 300), "SB-%FF" }[random.Next(6)],
        _ => Uri.EscapeDataString(HostileValues.EscapableOnly(HostileValues.Text(random))) is { Length: > 0 } reference ? reference : "x",
    };

    /// <summary>A query string of hostile parameters (empty now and then): repeated names, broken encodings, long values.</summary>
    private static string Query(Random random) => random.Next(3) == 0 ? "" : "?" + string.Join("&", Enumerable.Range(0, random.Next(1, 4))
        .Select(_ => $"{new[] { "jeton", "t", "watermark", "q", "ok", "dossier", "x", "", "%00", "a[]" }[random.Next(10)]}={QueryValue(random, HostileValues.Text(random))}"));

    private static string QueryValue(Random random, string value) => HostileValues.FormValue(random, value);

    private static KeyValuePair<string, string>[] ContentType(Random random, string usual) => random.Next(10) switch
    {
        0 => [],
        1 => [new("Content-Type", new[] { "text/plain", "application/xml", "application/json; charset=utf-16", "multipart/form-data", "application/x-www-form-urlencoded; charset=latin1", "*/*", ";;;" }[random.Next(7)])],
        _ => [new("Content-Type", usual)],
    };

    private static KeyValuePair<string, string>[] Headers(Random random) => random.Next(4) switch
    {
        0 => [new(new[] { "Accept", "Accept-Language", "If-Modified-Since", "Range", "Cookie", "X-Forwarded-For", "Referer" }[random.Next(7)],
            HostileValues.HeaderSafe(HostileValues.Text(random)))],
        _ => [],
    };

    private static KeyValuePair<string, string> Bearer(string token) => new("Authorization", "Bearer " + HostileValues.HeaderSafe(token));

    /// <summary>A request before it is numbered: what was done to it and its parts.</summary>
    internal sealed record Parts(string Mutation, string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body,
        HostileTransport Transport = HostileTransport.Http);
}
