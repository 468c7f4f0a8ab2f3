using System.Buffers;

namespace Webcare.Realtime.Host.Api;

/// <summary>
/// A request body read into a pooled buffer, up to a limit: a body over it is never held whole. Dispose to
/// return the buffer.
/// </summary>
public sealed class RequestBody : IDisposable
{
    private byte[] _buffer;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <returns>The body, or null when it is over <paramref name="limit"/> bytes.</returns>
    public static async Task<RequestBody?> ReadAsync(HttpRequest request, long limit, CancellationToken cancel)
    {
        if (request.ContentLength > limit) return null;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancel);
                if (read == 0) break;
                length += read;
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }
            }
            return new RequestBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer.Length == 0) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
