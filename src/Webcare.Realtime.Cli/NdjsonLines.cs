namespace Webcare.Realtime.Cli;

/// <summary>One input line: its 1-based number and raw bytes, or none when it was longer than the limit.</summary>
internal readonly record struct InputLine(int Line, byte[] Bytes, bool TooLong = false);

/// <summary>
/// Reads a stream as lines of raw bytes with their 1-based line numbers, skipping blank lines. A line over
/// <c>maxLineBytes</c> is not kept in memory: it comes back flagged <see cref="InputLine.TooLong"/>.
/// </summary>
internal static class NdjsonLines
{
    public static IEnumerable<InputLine> Read(Stream stream, int maxLineBytes = int.MaxValue)
    {
        var buffer = new byte[64 * 1024];
        var current = new MemoryStream();
        var tooLong = false;
        var line = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                Append(buffer.AsSpan(start, i - start));
                start = i + 1;
                if (Take(++line) is { } done) yield return done;
            }
            Append(buffer.AsSpan(start, read - start));
        }
        if ((current.Length > 0 || tooLong) && Take(++line) is { } last) yield return last;

        void Append(ReadOnlySpan<byte> bytes)
        {
            if (tooLong) return;
            if (current.Length + bytes.Length > maxLineBytes)
            {
                tooLong = true;
                current.SetLength(0);
                return;
            }
            current.Write(bytes);
        }

        InputLine? Take(int number)
        {
            if (tooLong)
            {
                tooLong = false;
                return new InputLine(number, [], TooLong: true);
            }
            var bytes = current.ToArray();
            current.SetLength(0);
            var span = bytes.AsSpan().Trim(" \t\r"u8);
            return span.IsEmpty ? null : new InputLine(number, bytes);
        }
    }
}
