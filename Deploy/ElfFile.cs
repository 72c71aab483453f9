using System.Buffers.Binary;

namespace CloudResume.Deploy;

/// <summary>
/// What the deploy needs to know of an ELF executable: the machine it is built for and the symbol versions
/// it needs from each shared library (its <c>.gnu.version_r</c> section, what <c>objdump -T</c> shows).
/// Only 64-bit little-endian ELF, the one kind Lambda runs.
/// </summary>
public sealed record ElfFile(ushort Machine, IReadOnlyList<(string Library, string Version)> NeededVersions)
{
    public const ushort MachineX86_64 = 62;
    public const ushort MachineAArch64 = 183;

    private const uint SectionGnuVersionNeeded = 0x6ffffffe;

    /// <summary>The Lambda architecture name of <see cref="Machine"/>, or its number.</summary>
    public string Architecture => Machine switch
    {
        MachineX86_64 => "x86_64",
        MachineAArch64 => "arm64",
        _ => $"ELF machine {Machine}",
    };

    /// <returns>null when <paramref name="bytes"/> is not a well-formed 64-bit little-endian ELF file.</returns>
    public static ElfFile? Read(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Parse(bytes);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return null; // offsets pointing outside the file: truncated or not really ELF
        }
    }

    private static ElfFile? Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 64 || !bytes[..4].SequenceEqual("\u007fELF"u8) || bytes[4] != 2 || bytes[5] != 1)
        {
            return null;
        }
        var machine = BinaryPrimitives.ReadUInt16LittleEndian(bytes[18..]);
        var sectionTable = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes[40..]));
        var sectionSize = BinaryPrimitives.ReadUInt16LittleEndian(bytes[58..]);
        var sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(bytes[60..]);
        var needed = new List<(string, string)>();
        for (var i = 0; i < sectionCount; i++)
        {
            var header = bytes.Slice(sectionTable + (i * sectionSize), sectionSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != SectionGnuVersionNeeded)
            {
                continue;
            }
            // sh_link names the string table; sh_info is the number of Verneed entries.
            var link = BinaryPrimitives.ReadUInt32LittleEndian(header[40..]);
            var strings = Section(bytes, sectionTable + (int)(link * sectionSize));
            ReadVersionNeeds(bytes[checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header[24..]))..], strings,
                (int)BinaryPrimitives.ReadUInt32LittleEndian(header[44..]), needed);
        }
        return new ElfFile(machine, needed);
    }

    /// <summary>The highest GLIBC_x.y the file needs, or null when it needs none.</summary>
    public Version? NewestGlibc() => NeededVersions
        .Select(n => n.Version.StartsWith("GLIBC_", StringComparison.Ordinal) && Version.TryParse(n.Version["GLIBC_".Length..], out var v) ? v : null)
        .OfType<Version>()
        .DefaultIfEmpty()
        .Max();

    private static ReadOnlySpan<byte> Section(ReadOnlySpan<byte> bytes, int header) =>
        bytes.Slice(checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes[(header + 24)..])),
            checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes[(header + 32)..])));

    // Elf64_Verneed: vn_version, vn_cnt, vn_file, vn_aux, vn_next; Elf64_Vernaux: vna_hash, vna_flags, vna_other, vna_name, vna_next.
    private static void ReadVersionNeeds(ReadOnlySpan<byte> section, ReadOnlySpan<byte> strings, int count, List<(string, string)> needed)
    {
        var entry = 0;
        for (var i = 0; i < count; i++)
        {
            var need = section[entry..];
            var library = CString(strings, BinaryPrimitives.ReadUInt32LittleEndian(need[4..]));
            var aux = entry + (int)BinaryPrimitives.ReadUInt32LittleEndian(need[8..]);
            for (var j = 0; j < BinaryPrimitives.ReadUInt16LittleEndian(need[2..]); j++)
            {
                needed.Add((library, CString(strings, BinaryPrimitives.ReadUInt32LittleEndian(section[(aux + 8)..]))));
                aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(section[(aux + 12)..]);
            }
            entry += (int)BinaryPrimitives.ReadUInt32LittleEndian(need[12..]);
        }
    }

    private static string CString(ReadOnlySpan<byte> strings, uint offset)
    {
        var rest = strings[(int)offset..];
        var end = rest.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? rest : rest[..end]);
    }
}
