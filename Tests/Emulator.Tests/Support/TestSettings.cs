namespace CloudResume.Tests.Emulator.Support;

/// <summary>The emulator settings these tests start from: this checkout's template on free ports, parameters overridden.</summary>
public static class TestSettings
{
    /// <summary>A Lambda custom runtime in plain Python that misbehaves on request (see the script).</summary>
    public static string ScriptedRuntimePath => RepositoryLayout.Current.Combine("Tests", "Emulator.Tests", "Runtimes", "scripted_runtime.py");

    /// <summary>No function command: the tests themselves poll the Runtime API as external runtimes.</summary>
    public static EmulatorSettings ExternalRuntime(params (string Name, string Value)[] parameters)
    {
        var settings = EmulatorServer.DefaultSettings();
        foreach (var (name, value) in parameters)
        {
            settings.Stack.Parameters[name] = value;
        }
        return settings;
    }

    /// <summary>The emulator starts the scripted runtime as the function's execution environments.</summary>
    public static EmulatorSettings ScriptedRuntime(params (string Name, string Value)[] parameters)
    {
        var settings = ExternalRuntime(parameters);
        settings.Function.Command = "python3";
        settings.Function.Arguments = [ScriptedRuntimePath];
        return settings;
    }
}
