namespace CloudResume.Resume.Model;

/// <summary>
/// A resume in the JSON Resume schema (jsonresume.org): every section the page can show, each optional. Settable
/// properties: the source-generated reader would set a missing init-only list to null rather than keep its [].
/// </summary>
public sealed class JsonResume
{
    public Basics Basics { get; set; } = new();
    public IReadOnlyList<Work> Work { get; set; } = [];
    public IReadOnlyList<Volunteer> Volunteer { get; set; } = [];
    public IReadOnlyList<Education> Education { get; set; } = [];
    public IReadOnlyList<Award> Awards { get; set; } = [];
    public IReadOnlyList<Certificate> Certificates { get; set; } = [];
    public IReadOnlyList<Publication> Publications { get; set; } = [];
    public IReadOnlyList<Skill> Skills { get; set; } = [];
    public IReadOnlyList<Language> Languages { get; set; } = [];
    public IReadOnlyList<Interest> Interests { get; set; } = [];
    public IReadOnlyList<Reference> References { get; set; } = [];
    public IReadOnlyList<Project> Projects { get; set; } = [];
}
