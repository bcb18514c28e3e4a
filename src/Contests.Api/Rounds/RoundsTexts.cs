namespace Contests.Api.Rounds;

/// <summary>Messages of round schedules, transitions and advancement, Vietnamese first; registered in Infrastructure/Texts.cs.</summary>
public static class RoundsTexts
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Catalogue { get; } = new Dictionary<string, (string Vi, string En)>
    {
        ["round-not-found"] = ("Cuộc thi không có vòng thi này.", "The contest has no such round."),
        ["round-takes-no-entries"] = ("Vòng thi đấu đối kháng không nhận bài dự thi và không có lịch nộp bài.", "A match round takes no entries and has no submission schedule."),
        ["round-not-scheduled"] = ("Vòng thi chưa có lịch nộp bài.", "The round has no submission schedule yet."),
        ["round-cancelled"] = ("Vòng thi đã bị hủy.", "The round has been cancelled."),
        ["submissions-not-open"] = ("Chưa đến thời gian nộp bài (mở lúc {0}).", "Submissions are not open yet (they open at {0})."),
        ["submissions-closed"] = ("Đã hết thời gian nộp bài (đóng lúc {0}).", "Submissions have closed (they closed at {0})."),
        ["grace-out-of-range"] = ("Thời gian gia hạn phải từ 0 đến {0} phút.", "The grace period must be between 0 and {0} minutes."),
        ["judging-before-lock"] = ("Hạn chấm phải sau khi khóa nộp bài (kể cả thời gian gia hạn).", "Judging must end after submissions lock (grace period included)."),
        ["publish-before-judging"] = ("Thời điểm công bố không được trước khi kết thúc chấm.", "Results cannot be published before judging ends."),
        ["publish-now-submissions-open"] = ("Chưa thể công bố: vòng thi còn nhận bài đến {0}.", "Not yet: the round takes entries until {0}."),
        ["publish-now-judging-open"] = ("Chưa thể công bố: giám khảo còn chấm đến {0}. Sửa thời điểm kết thúc chấm trong lịch nếu cần công bố sớm.", "Not yet: judging runs until {0}. Change the end of judging in the schedule to publish earlier."),
        ["reminders-invalid"] = ("Nhắc hạn: tối đa 5 mốc khác nhau, mỗi mốc từ 1 đến {0} giờ trước hạn.", "Reminders: at most 5 different times, each 1 to {0} hours before the close."),
        ["advancement-kind-unknown"] = ("Cách chọn đội đi tiếp phải là None, TopPerDivision, ScoreThreshold hoặc OrganiserSelection.", "The advancement rule must be None, TopPerDivision, ScoreThreshold or OrganiserSelection."),
        ["advancement-count-invalid"] = ("Số đội đi tiếp mỗi bảng phải từ 1 đến 10.000.", "The number of teams per division must be between 1 and 10,000."),
        ["advancement-score-invalid"] = ("Điểm sàn phải là số không âm.", "The score threshold must be a number of at least 0."),
        ["advancement-not-configured"] = ("Vòng thi này không có quy định chọn đội đi tiếp.", "This round has no advancement rule."),
        ["no-next-round"] = ("Đây là vòng cuối: không có vòng tiếp theo.", "This is the last round: there is no next round."),
        ["team-already-advancing"] = ("Đội đã được chọn đi tiếp.", "The team is already advancing."),
        ["team-not-advancing"] = ("Đội không nằm trong danh sách đi tiếp.", "The team is not advancing."),
        ["rounds-outcome-opened"] = ("Đã thông báo {0} đội.", "{0} teams notified."),
        ["rounds-outcome-reminded"] = ("Đã nhắc {0} đội chưa nộp bài.", "{0} teams without an entry reminded."),
        ["rounds-outcome-reminder-skipped"] = ("Bỏ qua: chỉ chạy được sau hạn nộp.", "Skipped: could only run after the deadline."),
        ["rounds-outcome-locked"] = ("{0} bài dự thi ({1} nộp muộn), {2} đội không nộp.", "{0} entries ({1} late), {2} teams did not submit."),
        ["rounds-outcome-judging-locked"] = ("Đã khóa điểm.", "Scores locked."),
        ["rounds-outcome-published"] = ("Đã công bố; {0} đội đi tiếp.", "Published; {0} teams advanced."),
        ["rounds-outcome-published-awaiting"] = ("Đã công bố; {0} đội đi tiếp theo lựa chọn của Ban Tổ chức, chờ kết quả chấm để áp dụng quy định.", "Published; {0} teams advanced by the organisers' picks; the rule awaits judging results."),
        ["rounds-opened"] = ("{0} ({1}) đã mở nhận bài dự thi. Hạn nộp: {2} (giờ Việt Nam).", "{0} ({1}) is open for entries. Deadline: {2} (Vietnam time)."),
        ["rounds-opened-organisers"] = ("{0} đã mở nhận bài; {1} đội được dự thi.", "{0} is open for entries; {1} teams may take part."),
        ["rounds-reminder"] = ("Nhắc hạn: {0} đóng nhận bài lúc {1}, còn khoảng {2} giờ. Đội bạn chưa nộp bài.", "Reminder: {0} closes at {1}, about {2} hours from now. Your team has not submitted yet."),
        ["rounds-locked-entry"] = ("{0} đã khóa nộp bài. Bài được chấm là lần nộp thứ {1} của đội.", "{0} is closed. Your revision {1} is the one to be judged."),
        ["rounds-locked-missing"] = ("{0} đã khóa nộp bài. Đội bạn không có bài dự thi.", "{0} is closed. Your team sent no entry."),
        ["rounds-locked-organisers"] = ("{0} đã khóa nộp bài: {1} bài ({2} muộn), {3} đội không nộp.", "{0} is closed: {1} entries ({2} late), {3} teams did not submit."),
        ["rounds-judging-locked-organisers"] = ("{0}: đã hết thời gian chấm, điểm đã khóa.", "{0}: judging has ended and scores are locked."),
        ["rounds-published"] = ("Kết quả {0} đã được công bố.", "The results of {0} are published."),
        ["rounds-advanced"] = ("Chúc mừng! Đội bạn được vào {1} sau {0}.", "Congratulations! After {0} your team goes on to {1}."),
        ["rounds-published-organisers"] = ("Đã công bố kết quả {0}; {1} đội đi tiếp.", "The results of {0} are published; {1} teams advanced."),
        ["rounds-published-awaiting-organisers"] = ("Đã công bố kết quả {0}; {1} đội đi tiếp theo lựa chọn. Quy định theo điểm cần kết quả chấm, hiện chưa có.", "The results of {0} are published; {1} teams advanced by pick. The score rule needs judging results, which do not exist yet."),
    };
}
