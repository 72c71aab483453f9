using System.Text.Encodings.Web;
using System.Text.Unicode;
using CloudResume.Resume.Model;

namespace CloudResume.Resume.Rendering;

/// <summary>
/// The schema.org <c>Person</c> the resume describes, as JSON-LD for a <c>&lt;script type="application/ld+json"&gt;</c>
/// data block (never executed, so the CSP's script-src is untouched).
/// </summary>
internal static class PersonJsonLd
{
    // The default JavaScript encoder escapes < > & ' as \u003C...: no value can close the element ("</script>").
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), Indented = false };

    public static string For(JsonResume resume)
    {
        var basics = resume.Basics;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "Person");
            Optional(json, "name", basics.Name);
            Optional(json, "jobTitle", basics.Label);
            Optional(json, "description", basics.Summary);
            Optional(json, "email", basics.Email);
            Optional(json, "telephone", basics.Phone);
            Optional(json, "url", SafeUrl.Link(basics.Url));
            Optional(json, "image", SafeUrl.Link(basics.Image));
            if (basics.Location is { } location && (location.City ?? location.Region ?? location.CountryCode) is not null)
            {
                json.WriteStartObject("address");
                json.WriteString("@type", "PostalAddress");
                Optional(json, "addressLocality", location.City);
                Optional(json, "addressRegion", location.Region);
                Optional(json, "addressCountry", location.CountryCode);
                json.WriteEndObject();
            }
            Strings(json, "sameAs", basics.Profiles.Select(profile => SafeUrl.Link(profile.Url)));
            Organizations(json, "worksFor", "Organization", resume.Work.Where(work => string.IsNullOrWhiteSpace(work.EndDate)).Select(work => work.Name));
            Organizations(json, "alumniOf", "EducationalOrganization", resume.Education.Select(education => education.Institution));
            Strings(json, "knowsAbout", resume.Skills.SelectMany(skill => skill.Keywords.Count > 0 ? skill.Keywords : [skill.Name ?? ""]));
            Strings(json, "knowsLanguage", resume.Languages.Select(language => language.Name));
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            json.WriteString(name, value.Trim());
        }
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string?> values) => Array(json, name, values, json.WriteStringValue);

    private static void Organizations(Utf8JsonWriter json, string name, string type, IEnumerable<string?> names) =>
        Array(json, name, names, organization =>
        {
            json.WriteStartObject();
            json.WriteString("@type", type);
            json.WriteString("name", organization);
            json.WriteEndObject();
        });

    /// <summary>An array of the distinct non-blank values, left out when there are none.</summary>
    private static void Array(Utf8JsonWriter json, string name, IEnumerable<string?> values, Action<string> item)
    {
        var present = values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value!.Trim()).Distinct().ToList();
        if (present.Count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        present.ForEach(item);
        json.WriteEndArray();
    }
}
