namespace Contests.Api.Organisations;

public static class OrganisationsTexts
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Catalogue { get; } = new Dictionary<string, (string Vi, string En)>
    {
        ["organisation-not-found"] = ("Không tìm thấy đơn vị tổ chức.", "No organisation has this address."),
        ["organisation-exists"] = ("Đã có đơn vị tổ chức với địa chỉ này.", "An organisation already has this address."),
        ["other-organisation"] = ("Bạn đang đăng nhập vào đơn vị tổ chức khác. Hãy đăng xuất trước.", "You are signed in to another organisation. Sign out first."),
        ["slug-format"] = ("Địa chỉ chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ bac-giang).", "Use lower-case letters, digits and single hyphens (e.g. bac-giang)."),
        ["slug-reserved"] = ("Địa chỉ này được dành riêng cho hệ thống.", "This address is reserved by the system."),
    };
}
