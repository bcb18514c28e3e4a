namespace Contests.Api.Exports;

/// <summary>
/// The response body for writers that mix asynchronous writes with a few synchronous ones (a zip archive writes its
/// entry headers and its central directory synchronously). Kestrel refuses synchronous writes, so those few bytes are
/// held here and sent ahead of the next asynchronous write, or by <see cref="FlushAsync(CancellationToken)"/> at the end.
/// What is held is a few kilobytes at most, whatever the size of the export.
/// </summary>
internal sealed class ResponseBody(Stream inner) : Stream
{
    private readonly MemoryStream pending = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => pending.Write(buffer);

    public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        await WriteAsync(buffer.AsMemory(offset, count), cancellationToken);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendPending(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    /// <summary>Synchronous flushes (from the zip archive) keep the bytes for the next asynchronous write.</summary>
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendPending(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            pending.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task SendPending(CancellationToken cancellationToken)
    {
        if (pending.Length == 0)
        {
            return;
        }

        await inner.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken);
        pending.SetLength(0);
    }
}
