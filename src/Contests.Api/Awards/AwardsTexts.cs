namespace Contests.Api.Awards;

public static class AwardsTexts
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Catalogue { get; } = new Dictionary<string, (string Vi, string En)>
    {
        ["unknown-award-tier"] = ("Giải phải là Special, First, Second, Third hoặc Consolation.", "The tier must be Special, First, Second, Third or Consolation."),
        ["duplicate-award-tier"] = ("Giải này đã có trong bảng thi.", "This tier is already set for the division."),
        ["award-quota-invalid"] = ("Cho số lượng (0 đến 10.000) hoặc tỉ lệ phần trăm (trên 0 đến 100), không cả hai.", "Give a count (0 to 10,000) or a share in per cent (above 0 up to 100), not both."),
        ["awards-not-configured"] = ("Vòng thi chưa có cơ cấu giải cho bảng này.", "The round has no award tiers for this division yet."),
        ["ranking-required"] = ("Cần bảng xếp hạng có ít nhất một đội.", "A ranking with at least one team is required."),
        ["ranking-rank-or-score"] = ("Mỗi đội cần thứ hạng (từ 1) hoặc điểm; nếu thiếu thứ hạng thì mọi đội cần điểm.", "Each team needs a rank (from 1) or a score; without ranks every team needs a score."),
        ["ranking-team-twice"] = ("Đội này có hai lần trong bảng xếp hạng.", "This team is ranked twice."),
        ["ranking-team-not-in-division"] = ("Đội này không thuộc bảng thi của cuộc thi, hoặc đã rút.", "This team is not in this division of the contest, or has withdrawn."),
        ["award-ties-unresolved"] = ("Còn đội đồng hạng tại ranh giới chỉ tiêu giải: Ban Tổ chức cần quyết định trước khi xác nhận.", "Teams tied at a quota boundary still need the organisers' decision before the awards can be confirmed."),
        ["override-reason-required"] = ("Cần nêu lý do.", "Give a reason."),
        ["override-tier-unknown"] = ("Chọn một giải, None (không có giải) hoặc Computed (theo chỉ tiêu).", "Choose a tier, None (no award) or Computed (back to the quotas)."),
        ["certificate-not-found"] = ("Không có giấy chứng nhận nào mang mã này: mã không đúng hoặc giấy chứng nhận không thật.", "No certificate carries this code: the code is wrong or the certificate is not genuine."),
        ["awards-not-decided"] = ("Ban Tổ chức chưa xác nhận kết quả giải của bảng này.", "The organisers have not confirmed this division's awards yet."),
        ["pdf-unavailable"] = ("Máy chủ chưa cài Chromium để tạo PDF; hãy in từ trang HTML.", "Chromium is not installed on the server, so no PDF can be made; print the HTML page instead."),
    };
}
