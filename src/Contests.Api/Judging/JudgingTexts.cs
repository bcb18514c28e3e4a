namespace Contests.Api.Judging;

/// <summary>Judging's messages, Vietnamese first.</summary>
public static class JudgingTexts
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Catalogue { get; } = new Dictionary<string, (string Vi, string En)>
    {
        ["round-not-judged"] = ("Vòng thi này thi đấu đối kháng, không chấm theo tiêu chí.", "This round is played as matches, not judged against a rubric."),
        ["criteria-required"] = ("Cần ít nhất một tiêu chí chấm.", "At least one criterion is required."),
        ["too-many-criteria"] = ("Tối đa {0} tiêu chí.", "At most {0} criteria."),
        ["duplicate-criterion"] = ("Mã tiêu chí bị trùng.", "Two criteria have this code."),
        ["maximum-not-positive"] = ("Điểm tối đa phải lớn hơn 0.", "The maximum must be above 0."),
        ["maximum-too-large"] = ("Điểm tối đa không quá {0}.", "The maximum is at most {0}."),
        ["step-not-positive"] = ("Bước điểm phải lớn hơn 0.", "The step must be above 0."),
        ["step-not-dividing-maximum"] = ("Điểm tối đa phải chia hết cho bước điểm (ví dụ tối đa 10, bước 0,5).", "The maximum must be a whole number of steps (e.g. maximum 10, step 0.5)."),
        ["weight-not-positive"] = ("Hệ số phải lớn hơn 0.", "The weight must be above 0."),
        ["weight-too-large"] = ("Hệ số không quá {0}.", "The weight is at most {0}."),
        ["division-without-criteria"] = ("Có bảng thi không có tiêu chí nào để chấm.", "A division would have no criterion to be judged on."),
        ["score-missing"] = ("Chưa chấm tiêu chí này.", "This criterion has no score yet."),
        ["score-not-in-rubric"] = ("Tiêu chí này không thuộc phiếu chấm của bài.", "This criterion is not on this entry's rubric."),
        ["score-given-twice"] = ("Tiêu chí này được chấm hai lần.", "This criterion is scored twice."),
        ["score-out-of-range"] = ("Điểm phải từ 0 đến điểm tối đa của tiêu chí.", "The score must be between 0 and the criterion's maximum."),
        ["score-off-step"] = ("Điểm phải theo bước điểm của tiêu chí.", "The score must be on the criterion's step."),
        ["unknown-aggregation-method"] = ("Cách tổng hợp phải là Mean, TrimmedMean, Median hoặc StandardisedMean.", "The method must be Mean, TrimmedMean, Median or StandardisedMean."),
        ["trim-out-of-range"] = ("Số điểm bỏ ở mỗi đầu từ 0 đến {0}.", "The number of totals dropped at each end is 0 to {0}."),
        ["judges-per-entry-out-of-range"] = ("Số giám khảo mỗi bài từ 1 đến {0}.", "Judges per entry must be 1 to {0}."),
        ["too-many-tie-breaks"] = ("Tối đa {0} quy tắc phân hạng.", "At most {0} tie-break rules."),
        ["unknown-tie-break"] = ("Quy tắc phân hạng phải là HigherCriterion, HigherMedian hoặc OrganiserDecision.", "A tie-break is HigherCriterion, HigherMedian or OrganiserDecision."),
        ["tie-break-unknown-criterion"] = ("Quy tắc phân hạng phải nêu một tiêu chí của phiếu chấm.", "The tie-break must name a criterion of the rubric."),
        ["duplicate-tie-break"] = ("Quy tắc phân hạng bị lặp lại.", "This tie-break rule is listed twice."),
        ["criterion-used-by-tie-break"] = ("Không bỏ được tiêu chí đang dùng trong quy tắc phân hạng; hãy sửa quy tắc trước.", "A criterion used by a tie-break rule cannot be removed; change the rule first."),
        ["judge-not-found"] = ("Không tìm thấy giám khảo trong cuộc thi này.", "No judge with this id in this contest."),
        ["judge-in-panel"] = ("Giám khảo còn trong hội đồng chấm; hãy bỏ khỏi hội đồng trước.", "The judge still sits on a panel; take them off it first."),
        ["too-many-affiliations"] = ("Tối đa {0} mục.", "At most {0} entries."),
        ["unknown-judge"] = ("Người này không phải giám khảo của cuộc thi.", "This is not one of the contest's judges."),
        ["panel-not-found"] = ("Không tìm thấy hội đồng chấm trong vòng thi này.", "No panel with this id in this round."),
        ["panel-name-taken"] = ("Vòng thi đã có hội đồng chấm tên này.", "The round already has a panel with this name."),
        ["panel-scope-overlaps"] = ("Hội đồng khác đã chấm bảng thi/lĩnh vực này: mỗi bài chỉ thuộc một hội đồng.", "Another panel already judges this division or field: each entry belongs to one panel."),
    };
}
