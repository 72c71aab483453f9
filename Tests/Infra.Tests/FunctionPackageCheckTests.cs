using System.Text.RegularExpressions;

namespace CloudResume.Tests.Infra;

/// <summary>
/// Lambda starts /var/task/bootstrap of a provided.al2023 function only when it is at the package's root,
/// executable, built for the function's architecture and linked against glibc 2.34 or older: the deploy
/// refuses anything else before uploading it, and says how to fix it.
/// </summary>
public sealed partial class FunctionPackageCheckTests
{
    private static async Task<byte[]> BootstrapAsync()
    {
        await PublishedFunction.EnsureAsync();
        return await File.ReadAllBytesAsync(PublishedFunction.Bootstrap());
    }

    private static DeployException Refused(string package, string architecture = "x86_64") =>
        Assert.Throws<DeployException>(() => FunctionPackageCheck.Verify(package, architecture));

    [Fact]
    public async Task The_published_bootstrap_passes_x86_64_mode_755_glibc_2_34_at_most()
    {
        var summary = FunctionPackageCheck.Verify(FunctionPackageFile.Create([("bootstrap", await BootstrapAsync(), FunctionPackageFile.Mode755)]), "x86_64");

        Assert.StartsWith("bootstrap: x86_64, mode 755, needs glibc 2.", summary);
    }

    [Fact]
    public async Task The_elf_reader_finds_the_glibc_versions_objdump_finds()
    {
        var elf = ElfFile.Read(await BootstrapAsync());
        var objdump = await new ProcessStart("objdump", ["-T", PublishedFunction.Bootstrap()]).RunAsync();

        Assert.NotNull(elf);
        Assert.Equal(ElfFile.MachineX86_64, elf.Machine);
        Assert.True(objdump.Succeeded, objdump.Stderr);
        var expected = GlibcVersion().Matches(objdump.Stdout).Select(m => m.Value).Distinct().Order();
        Assert.Equal(expected, elf.NeededVersions.Select(n => n.Version).Where(v => v.StartsWith("GLIBC_", StringComparison.Ordinal)).Distinct().Order());
    }

    [Fact]
    public void A_bootstrap_in_a_folder_is_refused_because_lambda_runs_the_one_at_the_root()
    {
        var package = FunctionPackageFile.Create([("publish/bootstrap", "x"u8.ToArray(), FunctionPackageFile.Mode755)]);

        var error = Refused(package);

        Assert.Contains("no `bootstrap` at its root", error.Message);
        Assert.Contains("publish/bootstrap", error.Message);
    }

    [Fact]
    public async Task A_bootstrap_without_execute_permission_is_refused_because_lambda_cannot_start_it()
    {
        var package = FunctionPackageFile.Create([("bootstrap", await BootstrapAsync(), 0b110_100_100)]);

        var error = Refused(package);

        Assert.Contains("mode 644", error.Message);
        Assert.Contains("chmod 755", error.Message);
    }

    [Fact]
    public void A_script_or_anything_not_a_64_bit_elf_is_refused()
    {
        var error = Refused(FunctionPackageFile.Create([("bootstrap", "#!/bin/sh\necho hi\n"u8.ToArray(), FunctionPackageFile.Mode755)]));

        Assert.Contains("not a 64-bit Linux executable", error.Message);
    }

    [Fact]
    public async Task An_x86_64_bootstrap_is_refused_for_an_arm64_function()
    {
        var package = FunctionPackageFile.Create([("bootstrap", await BootstrapAsync(), FunctionPackageFile.Mode755)]);

        var error = Refused(package, "arm64");

        Assert.Contains("built for x86_64 but the stack's Architecture is arm64", error.Message);
        Assert.Contains("--architecture x86_64", error.Message);
        Assert.Contains("-r linux-arm64", error.Message);
    }

    [Fact]
    public async Task A_bootstrap_needing_glibc_2_38_is_refused_because_provided_al2023_has_2_34()
    {
        // What a build on Ubuntu 24.04 produces (fmod@GLIBC_2.38): the real binary with one version name rewritten.
        var bytes = await BootstrapAsync();
        var at = bytes.AsSpan().IndexOf("GLIBC_2.34\0"u8);
        Assert.True(at > 0, "the published bootstrap names GLIBC_2.34");
        Encoding.ASCII.GetBytes("GLIBC_2.38").CopyTo(bytes, at);

        var error = Refused(FunctionPackageFile.Create([("bootstrap", bytes, FunctionPackageFile.Mode755)]));

        Assert.Contains("needs GLIBC_2.38", error.Message);
        Assert.Contains("newer than the 2.34 of provided.al2023", error.Message);
        Assert.Contains("scripts/publish-function-al2023.sh", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused()
    {
        var notZip = Path.GetTempFileName();
        File.WriteAllText(notZip, "not a zip");

        Assert.Contains("is not a zip file", Refused(notZip).Message);
    }

    [GeneratedRegex(@"GLIBC_[0-9]+\.[0-9]+(?:\.[0-9]+)?")]
    private static partial Regex GlibcVersion();
}
