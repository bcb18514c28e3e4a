using System.Collections.Frozen;
using System.Globalization;

namespace Contests.Api.Infrastructure;

/// <summary>
/// Every message a person may read from the API, in Vietnamese first and English second. The request's
/// Accept-Language picks one (see RequestLocalization in Program); codes are stable for clients and tests.
/// A capability keeps its own messages in a catalogue beside its code (e.g. <c>Entries/EntriesTexts.cs</c>) and adds
/// it to <see cref="FeatureCatalogues"/>; a code defined twice stops the host at start.
/// </summary>
public static class Texts
{
    private static readonly IReadOnlyDictionary<string, (string Vi, string En)>[] FeatureCatalogues =
    [
        Judging.JudgingTexts.Catalogue,
        Judging.JudgingResultsTexts.Catalogue,
        Judging.ScoringTexts.Catalogue,
        Exports.ExportsTexts.Catalogue,
        Awards.AwardsTexts.Catalogue,
        Matches.MatchesTexts.Catalogue,
        Access.AccessTexts.Catalogue,
        Organisations.OrganisationsTexts.Catalogue,
        Rounds.RoundsTexts.Catalogue,
        Entries.EntriesTexts.Catalogue,
        Notifications.NotificationsTexts.Catalogue,
        Leaderboards.LeaderboardsTexts.Catalogue,
    ];

    private static readonly FrozenDictionary<string, (string Vi, string En)> Catalogue =
        FeatureCatalogues.Aggregate(Core(), (all, catalogue) =>
        {
            foreach (var (code, text) in catalogue)
            {
                all.Add(code, text);
            }

            return all;
        }).ToFrozenDictionary();

    private static Dictionary<string, (string Vi, string En)> Core() => new()
    {
        ["required"] = ("Trường này là bắt buộc.", "This field is required."),
        ["too-long"] = ("Quá dài: tối đa {0} ký tự.", "Too long: at most {0} characters."),
        ["phone-format"] = ("Số điện thoại phải có 10 chữ số và bắt đầu bằng 0.", "A phone number has 10 digits and starts with 0."),
        ["email-format"] = ("Địa chỉ email không hợp lệ.", "This is not a valid e-mail address."),
        ["unknown-district"] = ("Huyện/thành phố này không có trong danh sách của cuộc thi.", "This district is not one of the contest's districts."),
        ["unknown-division"] = ("Bảng thi này không có trong cuộc thi.", "This division is not part of the contest."),
        ["too-few-members"] = ("Đội cần ít nhất {0} thành viên.", "A team needs at least {0} member(s)."),
        ["too-many-members"] = ("Đội có tối đa {0} thành viên.", "A team has at most {0} members."),
        ["too-few-mentors"] = ("Đội cần ít nhất {0} người hướng dẫn.", "A team needs at least {0} mentor(s)."),
        ["too-many-mentors"] = ("Đội có tối đa {0} người hướng dẫn.", "A team has at most {0} mentors."),
        ["birth-date-or-grade-required"] = ("Cần ngày sinh hoặc lớp của thành viên.", "Give the member's date of birth or grade."),
        ["grade-out-of-range"] = ("Lớp phải từ 1 đến 12.", "The grade must be between 1 and 12."),
        ["birth-date-out-of-range"] = ("Ngày sinh không hợp lý cho một học sinh.", "This date of birth is not plausible for a student."),
        ["person-listed-twice"] = ("Người này đã có trong danh sách đội.", "This person is already listed in the team."),
        ["team-name-taken"] = ("Tên đội đã được dùng trong cuộc thi này.", "Another team in this contest already has this name."),
        ["grade-not-in-division"] = ("Lớp của thành viên không thuộc bảng thi đã chọn.", "The member's grade is outside the chosen division."),
        ["member-in-another-team"] = ("Thành viên này (cùng họ tên và ngày sinh) đã đăng ký ở đội khác của cuộc thi.", "This member (same name and date of birth) is already registered in another team of this contest."),
        ["registration-not-open"] = ("Chưa đến thời gian đăng ký.", "Registration has not opened yet."),
        ["registration-closed"] = ("Đã hết thời gian đăng ký.", "Registration has closed."),
        ["closes-before-opening"] = ("Thời điểm đóng phải sau thời điểm mở.", "The closing time must be after the opening time."),
        ["size-range-invalid"] = ("Số lượng tối thiểu/tối đa không hợp lệ.", "The minimum and maximum do not make a valid range."),
        ["grade-range-invalid"] = ("Khoảng lớp phải từ 1 đến 12, lớp nhỏ nhất không lớn hơn lớp lớn nhất.", "Grades run from 1 to 12, the lowest not above the highest."),
        ["not-your-team"] = ("Bạn chỉ xem và sửa được đội của mình.", "You can only see and change your own team."),
        ["team-not-found"] = ("Không tìm thấy đội trong cuộc thi này.", "No team with this id in this contest."),
        ["team-withdrawn"] = ("Đội đã rút khỏi cuộc thi.", "This team has withdrawn from the contest."),
        ["team-not-awaiting-decision"] = ("Hồ sơ đội đã ở trạng thái này.", "The registration is already in this state."),
        ["team-ids-required"] = ("Cần danh sách từ 1 đến 10.000 đội.", "Give between 1 and 10,000 team ids."),
        ["import-too-large"] = ("Tệp quá lớn: tối đa 10 MB.", "The file is too large: at most 10 MB."),
        ["import-too-many-rows"] = ("Tệp có quá nhiều dòng: tối đa 10.000 dòng.", "The file has too many rows: at most 10,000."),
        ["import-empty"] = ("Tệp không có dữ liệu.", "The file holds no data."),
        ["import-unreadable"] = ("Không đọc được tệp: hãy dùng XLSX hoặc CSV.", "The file could not be read: use XLSX or CSV."),
        ["encoding-unsupported"] = ("Tệp CSV không ở dạng UTF-8 hoặc UTF-16. Trong Excel hãy chọn \"CSV UTF-8\" khi lưu.", "The CSV is not UTF-8 or UTF-16. In Excel, save as \"CSV UTF-8\"."),
        ["import-mapping-invalid"] = ("Cách ghép cột không hợp lệ.", "The column mapping is not valid."),
        ["import-not-found"] = ("Không tìm thấy bản xem trước của lần nhập này.", "No preview of this import was found."),
        ["import-rows-invalid"] = ("Có đội được chọn vẫn còn lỗi; hãy sửa tệp hoặc bỏ chọn đội đó.", "Some chosen teams still have errors: fix the file or leave them out."),
        ["import-stale"] = ("Dữ liệu đã thay đổi từ lúc xem trước; không đội nào được nhập. Hãy xem trước lại.", "Data changed since the preview; nothing was imported. Preview again."),
        ["date-unreadable"] = ("Không đọc được ngày (dùng dd/MM/yyyy).", "The date could not be read (use dd/MM/yyyy)."),
        ["grade-unreadable"] = ("Không đọc được lớp.", "The grade could not be read."),
        ["rounds-required"] = ("Cần ít nhất một vòng thi.", "At least one round is required."),
        ["duplicate-round"] = ("Tên vòng thi bị trùng.", "Two rounds have this name."),
        ["unknown-round"] = ("Cuộc thi không có vòng thi này.", "The contest has no such round."),
        ["unknown-round-level"] = ("Cấp vòng thi phải là District, Province hoặc National.", "The level must be District, Province or National."),
        ["unknown-round-type"] = ("Loại vòng thi phải là JudgedSubmissions hoặc Matches.", "The type must be JudgedSubmissions or Matches."),
        ["password-too-short"] = ("Mật khẩu cần ít nhất {0} ký tự.", "The password needs at least {0} characters."),
        ["organiser-exists"] = ("Đã có tài khoản với email này.", "An account with this e-mail already exists."),
        ["not-your-district"] = ("Bạn chỉ quản lý các đội của huyện mình.", "You manage your own district's teams only."),
        ["team-not-nominated"] = ("Đội chưa được đề cử.", "The team is not nominated."),
        ["team-already-nominated"] = ("Đội đã được đề cử.", "The team is already nominated."),
        ["nominations-closed"] = ("Huyện đã chốt danh sách đề cử.", "The district has closed its nominations."),
        ["formula-like-text"] = ("Bắt đầu bằng = + - @: được lưu như chữ và vô hiệu hóa khi xuất Excel.", "Starts with = + - @: kept as text and neutralised in exports."),
        ["district-respelled"] = ("Tên huyện viết khác danh sách của cuộc thi; đã dùng tên trong danh sách.", "The district is spelled differently from the contest's list; the list's spelling is used."),
        ["contest-not-found"] = ("Không tìm thấy cuộc thi.", "No contest has this id."),
        ["unknown-kind"] = ("Loại cuộc thi phải là Robocon, Creativity hoặc TechnicalInnovation.", "The kind must be Robocon, Creativity or TechnicalInnovation."),
        ["edition-out-of-range"] = ("Lần tổ chức phải là số từ 1 đến 1000.", "The edition must be a number from 1 to 1000."),
        ["districts-required"] = ("Cần ít nhất một huyện/thành phố.", "At least one district is required."),
        ["divisions-required"] = ("Cần ít nhất một bảng thi.", "At least one division is required."),
        ["duplicate-district"] = ("Huyện/thành phố bị lặp lại.", "This district is listed twice."),
        ["duplicate-division"] = ("Mã bảng thi bị lặp lại.", "This division code is used twice."),
        ["division-exists"] = ("Cuộc thi đã có bảng thi với mã này.", "The contest already has a division with this code."),
        ["if-match-required"] = ("Thiếu phiên bản (If-Match): hãy tải lại dữ liệu trước khi sửa.", "Missing If-Match: load the current version before changing it."),
        ["if-match-malformed"] = ("Giá trị If-Match không hợp lệ.", "The If-Match value is not a version this API issued."),
        ["concurrent-change"] = ("Người khác vừa thực hiện đúng thao tác này cùng lúc. Hãy tải lại rồi thử lại.", "Someone did the same at the same moment. Reload and try again."),
        ["version-stale"] = ("Dữ liệu đã được người khác thay đổi. Hãy tải lại rồi thử lại.", "Someone else changed this in the meantime. Reload and try again."),
        ["request-malformed"] = ("Yêu cầu không đọc được (JSON sai định dạng hoặc thiếu dữ liệu).", "The request could not be read (malformed JSON or missing body)."),
        ["request-too-large"] = ("Yêu cầu quá lớn.", "The request is too large."),
        ["antiforgery-failed"] = ("Thiếu hoặc sai mã chống giả mạo (X-XSRF-TOKEN). Hãy tải lại trang.", "Missing or invalid anti-forgery token (X-XSRF-TOKEN). Reload the page."),
        ["sign-in-failed"] = ("Email hoặc mật khẩu không đúng.", "Wrong e-mail or password."),
        ["sign-in-code-invalid"] = ("Mã đăng nhập không đúng, đã hết hạn, đã dùng hoặc đã bị thu hồi.", "This sign-in code is wrong, expired, already used or revoked."),
        ["sign-in-code-not-found"] = ("Không tìm thấy mã đăng nhập.", "No sign-in code like this was issued."),
        ["role-not-issuable"] = ("Chỉ cấp mã cho giám khảo, trọng tài, trọng tài chính hoặc đội.", "Codes are issued to judges, referees, head referees or teams only."),
        ["validity-out-of-range"] = ("Thời hạn phải từ 1 đến 720 giờ.", "Validity must be between 1 and 720 hours."),
        ["request-invalid"] = ("Có {0} lỗi cần sửa.", "{0} problems need fixing."),
        ["unexpected"] = ("Đã có lỗi ngoài dự kiến. Mã yêu cầu: {0}.", "Something unexpected went wrong. Request id: {0}."),
    };

    public static string Get(string code, params object[] arguments)
    {
        if (!Catalogue.TryGetValue(code, out var text))
        {
            return code;
        }

        var template = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? text.En : text.Vi;
        return arguments.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, arguments);
    }

    public static IEnumerable<string> Codes => Catalogue.Keys;
}
