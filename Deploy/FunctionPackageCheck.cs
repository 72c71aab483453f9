using System.IO.Compression;

namespace CloudResume.Deploy;

/// <summary>
/// Refuses a function package Lambda could not start, before anything is uploaded: <c>bootstrap</c> at the
/// zip's root, executable (mode 755), an ELF for the stack's Architecture, needing no glibc newer than
/// provided.al2023's 2.34. Each refusal says how to build a package that passes.
/// </summary>
public static class FunctionPackageCheck
{
    /// <summary>The glibc of provided.al2023 (Amazon Linux 2023).</summary>
    public static readonly Version GlibcFloor = new(2, 34);

    public const string Entry = "bootstrap";

    private const int ExecutableByAll = 0b101_101_101; // r-x for owner, group and others

    /// <returns>What the package holds, for the deploy's log.</returns>
    public static string Verify(string packagePath, string architecture)
    {
        using var zip = OpenZip(packagePath);
        var entry = zip.GetEntry(Entry) ?? throw new DeployException(
            $"{packagePath} has no `{Entry}` at its root (it holds: {string.Join(", ", zip.Entries.Take(5).Select(e => e.FullName))}). " +
            "Lambda's custom runtime starts /var/task/bootstrap: zip the published binary itself, not its folder " +
            "(`dotnet publish Counter.Lambda -c Release -r linux-x64` writes such a zip).");
        var mode = (entry.ExternalAttributes >> 16) & 0x1FF;
        if ((mode & ExecutableByAll) != ExecutableByAll)
        {
            throw new DeployException(
                $"`{Entry}` in {packagePath} has mode {Convert.ToString(mode, 8).PadLeft(3, '0')}; Lambda needs it executable (755). " +
                $"`chmod 755 {Entry}` before zipping, on Linux (a zip made on Windows stores no mode), or publish with " +
                "`dotnet publish Counter.Lambda -c Release -r linux-x64`, which zips it with 755.");
        }
        var elf = ReadElf(entry) ?? throw new DeployException(
            $"`{Entry}` in {packagePath} is not a 64-bit Linux executable (ELF). Publish the function Native AOT: " +
            "`dotnet publish Counter.Lambda -c Release -r linux-x64` (or linux-arm64).");
        if (elf.Architecture != architecture)
        {
            throw new DeployException(
                $"`{Entry}` is built for {elf.Architecture} but the stack's Architecture is {architecture}: Lambda could not start it. " +
                $"Deploy with --architecture {elf.Architecture}, or publish for {architecture} " +
                $"(`dotnet publish Counter.Lambda -c Release -r {(architecture == "arm64" ? "linux-arm64" : "linux-x64")}`).");
        }
        if (elf.NewestGlibc() is { } glibc && glibc > GlibcFloor)
        {
            var symbols = elf.NeededVersions.Where(n => n.Version == $"GLIBC_{glibc}").Select(n => n.Library).Distinct();
            throw new DeployException(
                $"`{Entry}` needs GLIBC_{glibc} ({string.Join(", ", symbols)}), newer than the {GlibcFloor} of provided.al2023: " +
                "it would fail to start in Lambda. It was built on a machine with a newer glibc; build it where glibc is 2.34 or older, " +
                "e.g. in an Amazon Linux 2023 container: `scripts/publish-function-al2023.sh` (docs/deploy.md, \"Building on a newer Linux\").");
        }
        return $"{Entry}: {elf.Architecture}, mode {Convert.ToString(mode, 8)}, needs glibc {elf.NewestGlibc()?.ToString() ?? "none"} (≤ {GlibcFloor})";
    }

    private static ZipArchive OpenZip(string packagePath)
    {
        try
        {
            return ZipFile.OpenRead(packagePath);
        }
        catch (InvalidDataException e)
        {
            throw new DeployException($"{packagePath} is not a zip file ({e.Message}). Publish the function: `dotnet publish Counter.Lambda -c Release -r linux-x64`.");
        }
    }

    private static ElfFile? ReadElf(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return ElfFile.Read(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }
}
