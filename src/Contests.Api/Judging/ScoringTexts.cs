namespace Contests.Api.Judging;

/// <summary>Assignment and scoring messages, Vietnamese first.</summary>
public static class ScoringTexts
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Catalogue { get; } = new Dictionary<string, (string Vi, string En)>
    {
        ["entry-not-judged"] = ("Bài này không nằm trong danh sách bài được chấm của vòng thi.", "This entry is not among the round's judged entries."),
        ["already-assigned"] = ("Giám khảo đã được phân công chấm bài này.", "The judge is already assigned this entry."),
        ["assignment-conflict-of-interest"] = (
            "Không phân công được: giám khảo có liên quan với đội thi ({0}). Nếu thông tin này sai, hãy sửa hồ sơ giám khảo.",
            "Cannot assign: the judge is tied to the team ({0}). If that is wrong, correct the judge's profile."),
        ["judge-not-in-entry-panel"] = (
            "Giám khảo không thuộc hội đồng chấm bài này; hãy thêm giám khảo vào hội đồng trước.",
            "The judge does not sit on the panel that judges this entry; add them to the panel first."),
        ["assignment-not-found"] = ("Giám khảo không được phân công chấm bài này.", "The judge is not assigned this entry."),
        ["entry-not-assigned"] = (
            "Bài này không được phân công cho bạn chấm. Hãy mở bài từ danh sách của bạn.",
            "This entry is not assigned to you. Open entries from your own list."),
        ["rubric-not-set"] = ("Vòng thi chưa có phiếu chấm; hãy báo Ban Tổ chức.", "The round has no rubric yet; tell the organisers."),
        ["idempotency-key-required"] = (
            "Thiếu khóa chống gửi trùng (Idempotency-Key) hoặc khóa dài quá 100 ký tự.",
            "An Idempotency-Key header of at most 100 characters is required."),
        ["idempotency-key-reused"] = (
            "Khóa chống gửi trùng này đã dùng cho một phiếu chấm khác; phiếu mới cần khóa mới.",
            "This Idempotency-Key was already used for a different sheet; a new sheet needs a new key."),
        ["judging-locked"] = (
            "Vòng chấm đã khóa: không lưu hay nộp phiếu được nữa. Cần sửa điểm, hãy báo trưởng ban giám khảo.",
            "Judging is locked: sheets can no longer be saved or submitted. For a change, ask the head judge."),
        ["sheet-already-submitted"] = (
            "Phiếu đã nộp; muốn thay đổi hãy dùng chức năng sửa điểm.",
            "The sheet is already submitted; change it with a correction."),
        ["sheet-not-submitted"] = ("Phiếu chưa nộp nên chưa sửa được; hãy nộp phiếu.", "The sheet has not been submitted, so there is nothing to correct."),
        ["sheet-not-yours"] = (
            "Bạn chỉ sửa được phiếu của chính mình; trưởng ban giám khảo và Ban Tổ chức sửa được mọi phiếu.",
            "You may correct only your own sheet; the head judge and organisers may correct any."),
        ["judging-locked-correction"] = (
            "Vòng chấm đã khóa: chỉ trưởng ban giám khảo hoặc Ban Tổ chức được sửa điểm, kèm lý do.",
            "Judging is locked: only the head judge or an organiser may correct, with a reason."),
        ["correction-reason-required"] = ("Cần ghi lý do sửa điểm.", "Give the reason for the correction."),
        ["judging-already-locked"] = ("Vòng chấm đang khóa.", "Judging is already locked."),
        ["judging-not-locked"] = ("Vòng chấm đang mở, không cần mở khóa.", "Judging is open; there is nothing to unlock."),
        ["unlock-reason-required"] = ("Cần ghi lý do mở khóa vòng chấm.", "Give the reason for unlocking judging."),
    };
}
