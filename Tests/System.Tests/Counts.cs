using System.Net.Http.Json;

namespace CloudResume.Tests.System;

/// <summary>The counter's answer, as the site's script reads it.</summary>
public sealed record Counts(long Views, long Visitors, IReadOnlyList<JsonElement> Daily)
{
    public static async Task<Counts> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Counts(
            body.GetProperty("views").GetInt64(),
            body.GetProperty("visitors").GetInt64(),
            body.TryGetProperty("daily", out var daily) ? [.. daily.EnumerateArray()] : []);
    }

    public static async Task<Counts> GetAsync(HttpClient api, string query = "")
    {
        using var response = await api.GetAsync("/visits" + query);
        response.EnsureSuccessStatusCode();
        return await ReadAsync(response);
    }
}
