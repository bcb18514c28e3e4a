// Texts of the public award list.
export const awardsTexts = {
  awardsPublicTitle: { vi: "Danh sách đoạt giải", en: "Award winners" },
  awardsNotYetPublished: { vi: "Kết quả sẽ được công bố lúc {0}.", en: "Results will be published at {0}." },
  awardsNotScheduled: { vi: "Kết quả chưa được công bố.", en: "Results have not been published yet." },
  awardsNoneDecided: { vi: "Ban Tổ chức chưa xác nhận giải thưởng của vòng này.", en: "The organisers have not confirmed this round's awards yet." },
  awardsTeam: { vi: "Đội", en: "Team" },
  awardsSchool: { vi: "Trường", en: "School" },
  awardsDistrict: { vi: "Huyện/Thành phố", en: "District" },
  awardsVerifyHint: {
    vi: "Mỗi giấy chứng nhận có mã QR; quét mã hoặc nhập mã tại trang xác thực để kiểm tra.",
    en: "Every certificate has a QR code: scan it, or type its code on the verification page.",
  },
  awardsRankingTitle: { vi: "Bảng xếp hạng", en: "Ranking" },
  awardsRankingOf: { vi: "Bảng xếp hạng — {0}", en: "Ranking — {0}" },
  awardsRank: { vi: "Hạng", en: "Rank" },
  awardsRankTied: { vi: "{0} (đồng hạng)", en: "{0} (tied)" },
  awardsScore: { vi: "Điểm (tối đa {0})", en: "Score (out of {0})" },
  awardsChooseRound: { vi: "Chọn vòng thi", en: "Choose a round" },
} as const;
