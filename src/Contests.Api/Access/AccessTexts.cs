namespace Contests.Api.Access;

public static class AccessTexts
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Catalogue { get; } = new Dictionary<string, (string Vi, string En)>
    {
        ["sign-in-locked"] = ("Nhập sai mật khẩu quá nhiều lần: tài khoản tạm khóa, hãy thử lại sau {0} phút.", "Too many wrong passwords: try again in {0} minute(s)."),
        ["too-many-attempts"] = ("Quá nhiều lần đăng nhập từ địa chỉ này. Hãy chờ một phút rồi thử lại.", "Too many sign-in attempts from this address. Wait a minute and try again."),
        ["role-not-assignable"] = ("Chỉ có thể giao vai trò Ban Tổ chức hoặc Ban Tổ chức huyện.", "Only the Organiser or DistrictOrganiser role can be given."),
        ["district-not-expected"] = ("Chỉ Ban Tổ chức huyện mới gắn với một huyện.", "Only a district organiser belongs to a district."),
        ["own-account"] = ("Bạn không thể tự đổi vai trò hay khóa tài khoản của chính mình.", "You cannot change or disable your own account."),
        ["session-not-found"] = ("Không tìm thấy phiên đăng nhập.", "No such session."),
        ["account-not-found"] = ("Không tìm thấy tài khoản.", "No such account."),
    };
}
