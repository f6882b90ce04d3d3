using System.Text.Json;

namespace MapLang.Host.Admin;

/// <summary>What <c>maplang status</c> and <c>maplang dlq</c> do: call a running host's <c>/admin</c> endpoints and print the JSON. Returns an exit code (0, 1).</summary>
public static class AdminClient
{
    public static string DefaultUrl => Environment.GetEnvironmentVariable("MAPLANG_URL") ?? "http://127.0.0.1:5080";

    public static async Task<int> SendAsync(string baseUrl, HttpMethod method, string path, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await http.SendAsync(new HttpRequestMessage(method, path), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (text.Length > 0)
            {
                using var doc = JsonDocument.Parse(text);
                Console.Out.WriteLine(JsonSerializer.Serialize(doc.RootElement, new JsonSerializerOptions { WriteIndented = true }));
            }
            if (response.IsSuccessStatusCode) return 0;
            Console.Error.WriteLine($"maplang: the host answered {(int)response.StatusCode}.");
            return 1;
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"maplang: no host answers at {baseUrl} ({e.Message}).");
            return 1;
        }
    }
}
