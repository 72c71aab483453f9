namespace CloudResume.Tests.Emulator.Support;

public static class ScriptedRuntimeClient
{
    /// <summary>
    /// GET <paramref name="url"/> answered by the scripted runtime: the pid of the execution environment that
    /// handled it, which tells warm reuse, cold starts and parallel environments apart.
    /// </summary>
    public static async Task<int> GetPidAsync(this HttpClient client, Uri url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return (int)JsonNode.Parse(text)!["pid"]!;
    }
}
