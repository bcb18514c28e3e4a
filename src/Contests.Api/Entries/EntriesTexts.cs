namespace Contests.Api.Entries;

/// <summary>Messages of entries and their files, Vietnamese first; registered in Infrastructure/Texts.cs.</summary>
public static class EntriesTexts
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Catalogue { get; } = new Dictionary<string, (string Vi, string En)>
    {
        ["entry-by-team-only"] = ("Chỉ chính đội thi mới nộp được bài của đội.", "Only the team itself can submit its entry."),
        ["team-not-advanced"] = ("Đội không được vào vòng này từ vòng trước.", "The team did not advance to this round from the previous one."),
        ["too-many-video-links"] = ("Tối đa {0} đường dẫn video.", "At most {0} video links."),
        ["video-link-invalid"] = ("Đường dẫn video phải là địa chỉ web đầy đủ (https://…).", "A video link must be a full web address (https://…)."),
        ["entry-empty"] = ("Cần ít nhất một đường dẫn video hoặc một tệp.", "Give at least one video link or one file."),
        ["too-many-files"] = ("Tối đa {0} tệp cho một bài dự thi.", "At most {0} files per entry."),
        ["unknown-file"] = ("Tệp này không có trong lần nộp trước.", "This file is not part of the previous revision."),
        ["file-too-large"] = ("Tệp quá lớn: tối đa {0} MB mỗi tệp.", "The file is too large: at most {0} MB per file."),
        ["file-type-not-allowed"] = ("Loại tệp không được nhận (chỉ ảnh JPEG/PNG, PDF, Word, Excel, PowerPoint, MP4), xét theo nội dung tệp chứ không theo tên.", "This kind of file is not accepted (JPEG/PNG photos, PDF, Word, Excel, PowerPoint, MP4 only), judged by its content, not its name."),
        ["entry-too-large"] = ("Tổng dung lượng các tệp vượt {0} MB.", "The files together exceed {0} MB."),
        ["entry-form-expected"] = ("Bài dự thi phải gửi dạng multipart/form-data.", "An entry is sent as multipart/form-data."),
        ["upload-incomplete"] = ("Tải lên bị gián đoạn; chưa có gì được lưu. Hãy gửi lại.", "The upload was cut off; nothing was saved. Send it again."),
        ["entry-file-not-found"] = ("Bài dự thi không có tệp này.", "The entry has no such file."),
        ["entries-received"] = ("Đã nhận bài dự thi {0} (lần nộp thứ {1}).", "Entry for {0} received (revision {1})."),
        ["entries-received-late"] = ("Đã nhận bài dự thi {0} (lần nộp thứ {1}) trong thời gian gia hạn: bài được đánh dấu nộp muộn.", "Entry for {0} received (revision {1}) during the grace period: it is marked late."),
    };
}
