using System.Text;

namespace SupportBot.EndToEnd.Tests.Fuzz;

/// <summary>
/// Posted forms as the pages and Twilio send them (<c>application/x-www-form-urlencoded</c>), then broken: values hostile
/// or broken in their encoding, a field repeated or missing, 1,025 fields, a value over 4 MiB, a multipart body cut short.
/// </summary>
internal static class HostileForms
{
    public const string UrlEncoded = "application/x-www-form-urlencoded";

    /// <summary>The form's fields with hostile values (the well-formed ones kept now and then), encoded.</summary>
    public static (byte[] Body, string ContentType, string Mutation) Build(Random random, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        switch (random.Next(12))
        {
            case 0:
            {
                var count = new[] { 1024, 1025, 5000 }[random.Next(3)];
                var body = string.Join("&", fields.Select(Encode).Concat(Enumerable.Range(0, count).Select(i => $"f{i}=1")));
                return (Encoding.ASCII.GetBytes(body), UrlEncoded, $"{count} more fields");
            }

            case 1:
            {
                // Past ASP.NET Core's 4 MiB for one value; rare, as each is 4 MiB on the wire.
                var name = fields[random.Next(fields.Count)].Key;
                var size = random.Next(8) == 0 ? 4 * 1024 * 1024 + 1 : new[] { 8 * 1024, 33 * 1024, 70 * 1024 }[random.Next(3)];
                return (Encoding.ASCII.GetBytes($"{name}=" + new string('a', size)), UrlEncoded, $"{name} of {size} bytes");
            }

            case 2:
            {
                var multipart = Multipart(fields, "fuzzboundary");
                var cut = multipart[..random.Next(multipart.Length)];
                return (cut, "multipart/form-data; boundary=fuzzboundary", "multipart cut short");
            }

            case 3:
                return (Multipart(fields, "fuzzboundary"), "multipart/form-data; boundary=" + new[] { "fuzzboundary", "autre", "", "\"\"" }[random.Next(4)], "multipart, boundary said or wrong");

            case 4:
            {
                var body = new byte[random.Next(1, 256)];
                random.NextBytes(body);
                return (body, UrlEncoded, "random bytes");
            }

            case 5:
            {
                var repeated = fields.Concat(fields).Select(Encode);
                return (Encoding.ASCII.GetBytes(string.Join("&", repeated)), UrlEncoded, "every field twice");
            }

            default:
            {
                var mutations = new List<string>();
                var parts = new List<string>();
                foreach (var (name, value) in fields)
                {
                    switch (random.Next(5))
                    {
                        case 0:
                            mutations.Add($"{name} missing");
                            break;
                        case 1:
                            var hostile = HostileValues.Text(random);
                            var encoded = HostileValues.FormValue(random, hostile);
                            parts.Add($"{Uri.EscapeDataString(name)}={encoded}");
                            mutations.Add($"{name}={HostileActivities.Shorten(encoded)}");
                            break;
                        default:
                            parts.Add(Encode(KeyValuePair.Create(name, value)));
                            break;
                    }
                }

                if (random.Next(4) == 0)
                {
                    parts.Add(new[] { "=", "&&", "a", "=x", "%=%", "a=b=c", "%00=1" }[random.Next(7)]);
                    mutations.Add("a malformed pair");
                }

                return (Encoding.ASCII.GetBytes(string.Join("&", parts)), UrlEncoded, mutations.Count == 0 ? "well-formed" : string.Join("; ", mutations));
            }
        }
    }

    public static string Encode(KeyValuePair<string, string> field) => $"{Uri.EscapeDataString(field.Key)}={Uri.EscapeDataString(field.Value)}";

    private static byte[] Multipart(IEnumerable<KeyValuePair<string, string>> fields, string boundary)
    {
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            body.Append($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        return Encoding.UTF8.GetBytes(body.Append($"--{boundary}--\r\n").ToString());
    }
}
