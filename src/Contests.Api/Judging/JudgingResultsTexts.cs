namespace Contests.Api.Judging;

/// <summary>Messages of judging's read side (results, progress, history) and of tie orders, Vietnamese first.</summary>
public static class JudgingResultsTexts
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Catalogue { get; } = new Dictionary<string, (string Vi, string En)>
    {
        ["judging-overseer-of-another-contest"] = ("Trưởng ban giám khảo chỉ xem kết quả chấm của cuộc thi mình.", "A head judge reads the judging of their own contest only."),
        ["scored-entry-not-found"] = ("Bài thi này chưa được phân công hay chấm trong vòng thi.", "This entry is neither assigned nor scored in this round."),
        ["tie-order-entries-required"] = ("Cần liệt kê các bài bằng điểm theo thứ tự quyết định.", "List the tied entries in the order decided."),
        ["tie-order-entry-repeated"] = ("Một bài được liệt kê hai lần.", "An entry is listed twice."),
        ["tie-order-entry-unknown"] = ("Có bài không được chấm trong bảng thi này.", "An entry listed is not scored in this division."),
        ["tie-order-too-long"] = ("Tối đa {0} bài trong một thứ tự.", "At most {0} entries in one order."),
    };
}
