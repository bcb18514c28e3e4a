using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Contests.Api.Infrastructure;

/// <summary>
/// Limits every request meets before a handler sees it, whatever server runs the app (Kestrel enforces its own body
/// limit too; the test server and some proxies do not): a body at most 1 MB unless the endpoint declares more (the
/// spreadsheet import), and no NUL character anywhere — PostgreSQL cannot store one in text, so it could only ever
/// turn into a 500.
/// </summary>
public static class RequestLimits
{
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>Before routing: the path and query string.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true ||
                request.Query.Any(pair => pair.Key.Contains('\0', StringComparison.Ordinal) || pair.Value.Any(value => value?.Contains('\0', StringComparison.Ordinal) == true)))
            {
                await Problems.Refused(StatusCodes.Status400BadRequest, "request-malformed").ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    /// <summary>After routing, where the endpoint's own limit (<see cref="IRequestSizeLimitMetadata"/>) is known.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await Problems.Refused(StatusCodes.Status413PayloadTooLarge, "request-too-large").ExecuteAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            {
                serverLimit.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength is not null || !context.Request.Body.CanRead)
            {
                await next(context);
                return;
            }

            var limited = new LimitedStream(context.Request.Body, limit);
            context.Request.Body = limited;
            try
            {
                await next(context);
            }
            catch (Exception exception) when (limited.Exceeded && exception is not BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                // Body readers report any failure of the stream as a malformed body (400); this one was too large.
                throw new BadHttpRequestException("The request body is larger than this endpoint accepts.", StatusCodes.Status413PayloadTooLarge, exception);
            }
        });

    /// <summary>A body without a declared length (chunked) is cut off with a 413 at the limit.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long read;

        public bool Exceeded => read > limit;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int bytes)
        {
            read += bytes;
            return Exceeded
                ? throw new BadHttpRequestException("The request body is larger than this endpoint accepts.", StatusCodes.Status413PayloadTooLarge)
                : bytes;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>JSON text containing U+0000 is refused as malformed (400) rather than failing later in PostgreSQL (500).</summary>
public sealed class TextWithoutNulConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text?.Contains('\0', StringComparison.Ordinal) == true
            ? throw new JsonException("Text may not contain the NUL character.")
            : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
