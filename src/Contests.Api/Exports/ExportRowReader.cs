using System.Collections;
using System.Data.Common;

namespace Contests.Api.Exports;

/// <summary>
/// Hands an export's rows to MiniExcel as a data reader, the one shape from which MiniExcel writes a header row even
/// for a sheet without rows. MiniExcel reads synchronously; the rows come from the database asynchronously, so each
/// Read waits for the next row (usually already in Npgsql's buffer, so it rarely waits at all).
/// </summary>
internal sealed class ExportRowReader(
    IReadOnlyList<ExportHeader> columns, IAsyncEnumerable<object?[]> rows, Func<object?, object?> cell, CancellationToken cancellationToken) : DbDataReader
{
    private IAsyncEnumerator<object?[]>? rowsEnumerator;
    private object?[] current = [];

    public override int FieldCount => columns.Count;

    public override bool HasRows => true;

    public override bool IsClosed => false;

    public override int RecordsAffected => -1;

    public override int Depth => 0;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read()
    {
        rowsEnumerator ??= rows.GetAsyncEnumerator(cancellationToken);
        var next = rowsEnumerator.MoveNextAsync();
        if (!(next.IsCompleted ? next.Result : next.AsTask().GetAwaiter().GetResult()))
        {
            return false;
        }

        current = rowsEnumerator.Current;
        return true;
    }

    public override string GetName(int ordinal) => columns[ordinal].Key;

    public override int GetOrdinal(string name) => columns.Select(column => column.Key).ToList().IndexOf(name);

    public override object GetValue(int ordinal) => cell(current[ordinal])!;

    public override bool IsDBNull(int ordinal) => current[ordinal] is null;

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, current.Length);
        for (var index = 0; index < count; index++)
        {
            values[index] = GetValue(index);
        }

        return count;
    }

    public override Type GetFieldType(int ordinal) => typeof(object);

    public override string GetDataTypeName(int ordinal) => "object";

    public override bool NextResult() => false;

    public override string GetString(int ordinal) => (string)GetValue(ordinal);

    public override bool GetBoolean(int ordinal) => (bool)GetValue(ordinal);

    public override byte GetByte(int ordinal) => (byte)GetValue(ordinal);

    public override char GetChar(int ordinal) => (char)GetValue(ordinal);

    public override DateTime GetDateTime(int ordinal) => (DateTime)GetValue(ordinal);

    public override decimal GetDecimal(int ordinal) => (decimal)GetValue(ordinal);

    public override double GetDouble(int ordinal) => (double)GetValue(ordinal);

    public override float GetFloat(int ordinal) => (float)GetValue(ordinal);

    public override Guid GetGuid(int ordinal) => (Guid)GetValue(ordinal);

    public override short GetInt16(int ordinal) => (short)GetValue(ordinal);

    public override int GetInt32(int ordinal) => (int)GetValue(ordinal);

    public override long GetInt64(int ordinal) => (long)GetValue(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override IEnumerator GetEnumerator() => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (rowsEnumerator is not null)
        {
            await rowsEnumerator.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && rowsEnumerator is not null)
        {
            rowsEnumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
            rowsEnumerator = null;
        }

        base.Dispose(disposing);
    }
}
