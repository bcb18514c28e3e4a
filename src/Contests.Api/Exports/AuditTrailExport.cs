using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Contests.Api.Access;
using Contests.Api.Awards;
using Contests.Api.Registration;
using JasperFx.Events;
using Marten;

namespace Contests.Api.Exports;

/// <summary>The streams that belong to a contest, each with what it is about ("Đội BG-1234 Robo Sao Mai").</summary>
public delegate Task<IReadOnlyDictionary<Guid, string>> ContestStreams(ExportRequest request, CancellationToken cancellationToken);

public sealed record AuditRow(IEvent Event, string Subject);

/// <summary>
/// Every event of a contest's streams, oldest first: when, who, what, about what, why, and the event's data. Streams
/// hang off the contest in several capabilities; each capability names its streams with one line in <see cref="Streams"/>.
/// </summary>
public static class AuditTrailExport
{
    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IReadOnlyList<ContestStreams> Streams { get; } =
    [
        (request, _) => Task.FromResult<IReadOnlyDictionary<Guid, string>>(new Dictionary<Guid, string> { [request.Contest.Id] = "Cuộc thi" }),
        TeamStreams,
        (request, _) => Task.FromResult<IReadOnlyDictionary<Guid, string>>(request.Contest.Districts.ToDictionary(
            district => DistrictNominations.IdFor(request.Contest.Id, district), district => $"Đề cử của {district}")),
        (request, _) => Task.FromResult<IReadOnlyDictionary<Guid, string>>(request.Contest.Rounds.ToDictionary(
            round => RoundAwards.StreamFor(round.Id), round => $"Giải thưởng {round.Name}")),
        (request, _) => Task.FromResult<IReadOnlyDictionary<Guid, string>>(new Dictionary<Guid, string> { [ExportLog.StreamFor(request.Contest.Id)] = "Xuất dữ liệu" }),
    ];

    public static IReadOnlyList<ExportColumn<AuditRow>> Columns { get; } =
    [
        new("at", "Thời điểm", 18, row => row.Event.Timestamp, CellFormat.DateTime),
        new("actor", "Người thực hiện", 26, row => ActorOf(row.Event.Data)?.Name),
        new("role", "Vai trò", 16, row => ActorOf(row.Event.Data)?.Role),
        new("subject", "Đối tượng", 34, row => row.Subject),
        new("event", "Sự kiện", 26, row => row.Event.EventTypeName.Replace('_', ' ')),
        new("reason", "Lý do", 30, row => ReasonOf(row.Event.Data)),
        new("version", "Phiên bản", 9, row => row.Event.Version),
        new("sequence", "Số thứ tự", 10, row => row.Event.Sequence),
        new("data", "Dữ liệu", 60, row => JsonSerializer.Serialize(row.Event.Data, row.Event.Data.GetType(), DataJson)),
    ];

    public static async Task<ExportTable> Build(ExportRequest request, CancellationToken cancellationToken)
    {
        var subjects = new Dictionary<Guid, string>();
        foreach (var streams in Streams)
        {
            foreach (var (streamId, subject) in await streams(request, cancellationToken))
            {
                subjects[streamId] = subject;
            }
        }

        var streamIds = subjects.Keys.ToArray();
        var events = QueryableExtensions.ToAsyncEnumerable(
            request.Session.Events.QueryAllRawEvents().Where(entry => streamIds.Contains(entry.StreamId)).OrderBy(entry => entry.Sequence),
            cancellationToken);
        return ExportTable.Of("nhat-ky-thay-doi", Columns, ("Nhật ký", events.Select(entry => new AuditRow(entry, subjects[entry.StreamId]))));
    }

    /// <summary>Every event records who acted in a property of type <see cref="Actor"/> (RegisteredBy, ApprovedBy, …).</summary>
    private static Actor? ActorOf(object data) =>
        data.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.PropertyType == typeof(Actor))
            .Select(property => property.GetValue(data) as Actor)
            .FirstOrDefault(actor => actor is not null);

    /// <summary>Corrections, returns and overrides say why in a property named Reason.</summary>
    private static string? ReasonOf(object data) =>
        data.GetType().GetProperty("Reason", BindingFlags.Public | BindingFlags.Instance)?.GetValue(data) as string;

    private static async Task<IReadOnlyDictionary<Guid, string>> TeamStreams(ExportRequest request, CancellationToken cancellationToken)
    {
        var subjects = new Dictionary<Guid, string>();
        await foreach (var team in RegistrationExports.TeamsOf(request, divisionCode: null, cancellationToken))
        {
            subjects[team.Id] = $"Đội {team.Code} {team.Name}";
        }

        return subjects;
    }
}
