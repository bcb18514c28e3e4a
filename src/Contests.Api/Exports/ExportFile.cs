using Microsoft.Net.Http.Headers;

namespace Contests.Api.Exports;

/// <summary>An export answered as a download: the file is written while it is being read from the database.</summary>
public sealed class ExportFile(ExportTable table, ExportFormat format) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var fileName = $"{table.FileName}.{ExportWriters.Extension(format)}";
        response.ContentType = ExportWriters.ContentType(format);
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName, FileNameStar = fileName }.ToString();
        response.Headers.CacheControl = "no-store";
        await using var body = new ResponseBody(response.Body);
        await ExportWriters.WriteAsync(table, format, body, httpContext.RequestAborted);
        await body.FlushAsync(httpContext.RequestAborted);
    }
}
