using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CloudResume.Resume.Model;

namespace CloudResume.Resume.Rendering;

/// <summary>
/// The schema.org <c>Person</c> the resume describes, as JSON-LD for a <c>&lt;script type="application/ld+json"&gt;</c>
/// data block (never executed, so the CSP's script-src is untouched). Blank values and empty lists are left out.
/// </summary>
internal static partial class PersonJsonLd
{
    // The JavaScript encoder escapes < > & ' as \u003C...: no value can close the element ("</script>").
    private static readonly PersonJsonLdContext Serializer = new(new JsonSerializerOptions(PersonJsonLdContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });

    public static string For(JsonResume resume)
    {
        var basics = resume.Basics;
        var location = basics.Location;
        var person = new Person(
            "https://schema.org", "Person",
            Text(basics.Name), Text(basics.Label), Text(basics.Summary), Text(basics.Email), Text(basics.Phone),
            Text(SafeUrl.Link(basics.Url)), Text(SafeUrl.Link(basics.Image)),
            (location?.City ?? location?.Region ?? location?.CountryCode) is null
                ? null
                : new PostalAddress("PostalAddress", Text(location?.City), Text(location?.Region), Text(location?.CountryCode)),
            Distinct(basics.Profiles.Select(profile => SafeUrl.Link(profile.Url))),
            Organizations("Organization", resume.Work.Where(work => string.IsNullOrWhiteSpace(work.EndDate)).Select(work => work.Name)),
            Organizations("EducationalOrganization", resume.Education.Select(education => education.Institution)),
            Distinct(resume.Skills.SelectMany(skill => skill.Keywords.Count > 0 ? skill.Keywords : [skill.Name ?? ""])),
            Distinct(resume.Languages.Select(language => language.Name)));
        return JsonSerializer.Serialize(person, Serializer.Person);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The distinct non-blank values; null (left out) when there are none.</summary>
    private static List<string>? Distinct(IEnumerable<string?> values) =>
        values.Select(Text).OfType<string>().Distinct().ToList() is { Count: > 0 } present ? present : null;

    private static List<Organization>? Organizations(string type, IEnumerable<string?> names) =>
        Distinct(names)?.ConvertAll(name => new Organization(type, name));

    // Positional order is the order written: @context and @type first, as JSON-LD is usually read.
    private sealed record Person(
        [property: JsonPropertyName("@context")] string Context, [property: JsonPropertyName("@type")] string Type,
        string? Name, string? JobTitle, string? Description, string? Email, string? Telephone, string? Url, string? Image,
        PostalAddress? Address, List<string>? SameAs, List<Organization>? WorksFor, List<Organization>? AlumniOf,
        List<string>? KnowsAbout, List<string>? KnowsLanguage);

    private sealed record PostalAddress(
        [property: JsonPropertyName("@type")] string Type, string? AddressLocality, string? AddressRegion, string? AddressCountry);

    private sealed record Organization([property: JsonPropertyName("@type")] string Type, string Name);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(Person))]
    private sealed partial class PersonJsonLdContext : JsonSerializerContext;
}
