namespace Contests.Api.Exports;

public static class ExportsTexts
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Catalogue { get; } = new Dictionary<string, (string Vi, string En)>
    {
        ["export-not-found"] = ("Không có bản xuất dữ liệu này.", "There is no such export."),
        ["export-format-unknown"] = ("Định dạng phải là xlsx, csv hoặc json.", "The format must be xlsx, csv or json."),
        ["export-province-only"] = ("Bản xuất này gồm dữ liệu của mọi huyện: chỉ Ban Tổ chức cấp tỉnh được tải.", "This export spans every district: province organisers only."),
        ["export-title-registrations-teams"] = ("Danh sách đăng ký (mỗi đội một dòng)", "Registrations (one row per team)"),
        ["export-title-registrations-people"] = ("Danh sách thành viên và người hướng dẫn (mỗi người một dòng)", "Members and mentors (one row per person)"),
        ["export-title-district-summary"] = ("Tổng hợp theo huyện", "Summary per district"),
        ["export-title-award-settings"] = ("Cơ cấu giải thưởng", "Award tiers and quotas"),
        ["export-title-award-list"] = ("Danh sách đoạt giải", "Award list"),
        ["export-title-judging-ranking"] = ("Xếp hạng kết quả chấm điểm theo bảng thi", "Judging ranking per division"),
        ["export-title-score-sheets"] = ("Phiếu chấm điểm của giám khảo (mỗi phiếu một dòng)", "Judges' score sheets (one row per sheet)"),
        ["export-title-match-results"] = ("Kết quả thi đấu và bảng xếp hạng các bảng", "Match results and group standings"),
        ["export-title-audit-trail"] = ("Nhật ký thay đổi (toàn bộ sự kiện)", "Audit trail (every event)"),
    };
}
