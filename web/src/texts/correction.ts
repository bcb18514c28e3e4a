// Correcting another judge's sheet: the head judge's view on the tablet and the organisers' history panel. Vietnamese first.

export const correctionTexts = {
  correctionHeadJudge: { vi: "Trưởng ban giám khảo", en: "Head judge" },
  correctionOpenHeadJudge: { vi: "Trưởng ban: sửa điểm", en: "Head judge: corrections" },
  correctionHeadJudgeHint: {
    vi: "Chọn bài để xem phiếu của từng giám khảo và sửa điểm khi giám khảo báo nhầm. Mỗi lần sửa cần ghi lý do.",
    en: "Pick an entry to see each judge's sheet and correct one a judge reports as mistaken. Every correction needs a reason.",
  },
  correctionRound: { vi: "Vòng thi", en: "Round" },
  correctionNoRounds: { vi: "Cuộc thi chưa có vòng chấm bài.", en: "The contest has no judged round." },
  correctionSearch: { vi: "Tìm bài theo mã, tên đội, trường, huyện", en: "Find an entry by code, team, school or district" },
  correctionEntryCount: { vi: "{0}/{1} bài", en: "{0} of {1} entries" },
  correctionNoEntries: { vi: "Vòng này chưa có bài nào được phân công chấm.", en: "No entry of this round is assigned to judges yet." },
  correctionEntrySheets: { vi: "{0}/{1} phiếu", en: "{0} of {1} sheets" },
  correctionNoSheet: { vi: "Chưa có phiếu", en: "No sheet yet" },
  correctionNothingToCorrect: { vi: "Bài này chưa có phiếu nào để sửa.", en: "This entry has no sheet to correct yet." },
  correctionBackToEntries: { vi: "← Các bài", en: "← Entries" },
  correctionBackToWorklist: { vi: "← Bài của tôi", en: "← My entries" },
  correctionSheetsOf: { vi: "Phiếu chấm bài {0}", en: "Sheets for {0}" },
  correctionCurrent: { vi: "Lần {0} · tổng {1}", en: "Version {0} · total {1}" },
  correctionLast: { vi: "{0} · {1} lúc {2}", en: "{0} · {1} at {2}" },
  correctionAction: { vi: "Sửa điểm", en: "Correct" },
  correctionTitle: { vi: "Sửa phiếu của {0} (đang là lần {1})", en: "Correcting {0}'s sheet (now version {1})" },
  correctionReason: { vi: "Lý do sửa điểm (bắt buộc)", en: "Reason for the correction (required)" },
  correctionCancel: { vi: "Hủy", en: "Cancel" },
  correctionSaved: { vi: "Đã lưu: phiếu của {0} nay là lần {1}, tổng {2}.", en: "Saved: {0}'s sheet is now version {1}, total {2}." },
  correctionStale: {
    vi: "{0} Phiếu bên dưới là lần mới nhất vừa tải lại; xem rồi sửa lại nếu vẫn cần.",
    en: "{0} The sheet below is the newest version, just reloaded; check it and correct again if still needed.",
  },
} as const;
