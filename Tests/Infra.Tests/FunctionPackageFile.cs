using System.IO.Compression;

namespace CloudResume.Tests.Infra;

/// <summary>A small stand-in for artifacts/counter-lambda.zip: moto stores the code, it never runs it.</summary>
internal static class FunctionPackageFile
{
    public static string Create(string marker)
    {
        var path = Path.Combine(Path.GetTempPath(), $"counter-lambda-{Guid.NewGuid():N}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry("bootstrap").Open());
        writer.Write($"#!/bin/sh\necho {marker}\n");
        return path;
    }
}
