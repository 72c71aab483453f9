using CloudResume.Local.Repository;

namespace CloudResume.Local.Function;

/// <summary>Which build of the function's <c>bootstrap</c> a local run starts.</summary>
public enum FunctionBuild
{
    /// <summary>The published Native AOT binary when it is current (cold starts of ~20 ms), else the JIT build.</summary>
    Newest,
    /// <summary>The JIT build of this configuration (always current after a build).</summary>
    Jit,
    /// <summary>The published Native AOT binary (<c>dotnet publish Counter.Lambda -c Release -r linux-x64</c>).</summary>
    Aot,
}

public static class FunctionBinary
{
    /// <summary>The path of the chosen build; <c>CLOUDRESUME_FUNCTION=aot|jit</c> in the environment overrides <see cref="FunctionBuild.Newest"/>.</summary>
    public static string PathOf(FunctionBuild build = FunctionBuild.Newest)
    {
        var output = BuildOutput.Current;
        if (build == FunctionBuild.Newest)
        {
            build = Environment.GetEnvironmentVariable("CLOUDRESUME_FUNCTION") switch
            {
                "aot" => FunctionBuild.Aot,
                "jit" => FunctionBuild.Jit,
                _ => output.IsFunctionAotCurrent() ? FunctionBuild.Aot : FunctionBuild.Jit,
            };
        }
        var path = build == FunctionBuild.Aot ? output.FunctionAot() : output.FunctionJit;
        return File.Exists(path) ? path : throw new FileNotFoundException($"The function is not built ({build}): {path}", path);
    }

    public static bool IsNativeAot(string path) => path == BuildOutput.Current.FunctionAot();
}
