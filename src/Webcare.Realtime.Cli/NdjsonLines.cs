namespace Webcare.Realtime.Cli;

/// <summary>Reads a stream as NDJSON lines of raw bytes with their 1-based line numbers, skipping blank lines.</summary>
internal static class NdjsonLines
{
    public static IEnumerable<(int Line, byte[] Bytes)> Read(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        var current = new MemoryStream();
        var line = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                current.Write(buffer, start, i - start);
                start = i + 1;
                if (Take(current, ++line) is { } done) yield return done;
            }
            current.Write(buffer, start, read - start);
        }
        if (current.Length > 0 && Take(current, ++line) is { } last) yield return last;
    }

    private static (int, byte[])? Take(MemoryStream current, int line)
    {
        var bytes = current.ToArray();
        current.SetLength(0);
        var span = bytes.AsSpan().Trim(" \t\r"u8);
        return span.IsEmpty ? null : (line, bytes);
    }
}
