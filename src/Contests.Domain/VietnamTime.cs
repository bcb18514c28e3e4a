namespace Contests.Domain;

/// <summary>Deadlines are given and shown in Vietnam's local time (UTC+7, no daylight saving) and stored as instants.</summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateTimeOffset ToInstant(DateTime localTime) =>
        new(DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified), Zone.GetUtcOffset(localTime));

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToLocal(now));
}
