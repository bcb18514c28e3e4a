import { matchesTexts } from "./texts/matches";
import { securityTexts } from "./texts/security";

// Every string a person reads, Vietnamese first. The chosen language is remembered and sent to the API as
// Accept-Language so server messages come back in it too.

import { judging } from "./texts/judging";
import { awardsTexts } from "./texts/awards";
import { results } from "./texts/results";
import { exportsTexts } from "./texts/exports";
import { entriesTexts } from "./texts/entries";
import { notificationsTexts } from "./texts/notifications";
import { roundsTexts } from "./texts/rounds";
import { scoringTexts } from "./texts/scoring";
import { leaderboardsTexts } from "./texts/leaderboards";
import { correctionTexts } from "./texts/correction";

export type Language = "vi" | "en";

const core = {
  appName: { vi: "Contests", en: "Contests" },
  tagline: {
    vi: "Quản lý cuộc thi Robocon, sáng tạo thanh thiếu niên và sáng tạo kỹ thuật",
    en: "Running Robocon, youth creativity and technical innovation contests",
  },
  switchLanguage: { vi: "English", en: "Tiếng Việt" },
  navBoard: { vi: "Bảng theo dõi", en: "Audience board" },
  navTeam: { vi: "Cổng đội thi", en: "Team portal" },
  navJudge: { vi: "Giám khảo", en: "Judge tablet" },
  navOrganiser: { vi: "Ban Tổ chức", en: "Organisers" },
  boardHint: { vi: "Số đội đăng ký theo từng huyện, cập nhật trực tiếp", en: "Teams registered per district, live" },
  teamHint: { vi: "Đăng ký đội thi", en: "Register a team" },
  judgeHint: { vi: "Chấm điểm trên máy tính bảng", en: "Scoring on a tablet" },
  organiserHint: { vi: "Thiết lập cuộc thi, đội, mã đăng nhập", en: "Contests, teams, sign-in codes" },
  contests: { vi: "Các cuộc thi", en: "Contests" },
  noContests: { vi: "Chưa có cuộc thi nào.", en: "No contests yet." },
  teamsCount: { vi: "{0} đội", en: "{0} teams" },
  loading: { vi: "Đang tải…", en: "Loading…" },
  loadFailed: { vi: "Không tải được dữ liệu. Kiểm tra kết nối rồi thử lại.", en: "Could not load the data. Check the connection and try again." },
  district: { vi: "Huyện / thành phố", en: "District" },
  teams: { vi: "Đội", en: "Teams" },
  people: { vi: "Người", en: "People" },
  totalTeams: { vi: "Tổng số đội", en: "Teams in total" },
  totalPeople: { vi: "thành viên và người hướng dẫn", en: "members and mentors" },
  live: { vi: "Trực tiếp", en: "Live" },
  reconnecting: { vi: "Đang kết nối lại…", en: "Reconnecting…" },
  offline: { vi: "Mất kết nối", en: "Offline" },
  retrying: { vi: "Đang thử lại…", en: "Retrying…" },
  version: { vi: "phiên bản", en: "version" },
  registerTitle: { vi: "Đăng ký đội thi", en: "Register a team" },
  teamName: { vi: "Tên đội", en: "Team name" },
  school: { vi: "Trường", en: "School" },
  division: { vi: "Bảng thi", en: "Division" },
  choose: { vi: "— Chọn —", en: "— Choose —" },
  contactPhone: { vi: "Điện thoại liên hệ", en: "Contact phone" },
  contactEmail: { vi: "Email liên hệ", en: "Contact e-mail" },
  members: { vi: "Thành viên", en: "Members" },
  mentors: { vi: "Người hướng dẫn", en: "Mentors" },
  fullName: { vi: "Họ và tên", en: "Full name" },
  dateOfBirth: { vi: "Ngày sinh", en: "Date of birth" },
  grade: { vi: "Lớp", en: "Grade" },
  gender: { vi: "Giới tính", en: "Gender" },
  genderFemale: { vi: "Nữ", en: "Female" },
  genderMale: { vi: "Nam", en: "Male" },
  genderOther: { vi: "Khác", en: "Other" },
  phone: { vi: "Điện thoại", en: "Phone" },
  email: { vi: "Email", en: "E-mail" },
  optional: { vi: "không bắt buộc", en: "optional" },
  addMember: { vi: "+ Thêm thành viên", en: "+ Add a member" },
  addMentor: { vi: "+ Thêm người hướng dẫn", en: "+ Add a mentor" },
  remove: { vi: "Xóa", en: "Remove" },
  submitRegistration: { vi: "Gửi đăng ký", en: "Submit registration" },
  sending: { vi: "Đang gửi…", en: "Sending…" },
  registered: { vi: "Đã đăng ký thành công!", en: "Registered!" },
  teamCodeIs: { vi: "Mã đội của bạn:", en: "Your team code:" },
  keepCode: { vi: "Hãy ghi lại mã này để tra cứu và liên hệ Ban Tổ chức.", en: "Keep this code to look up your team and contact the organisers." },
  registerAnother: { vi: "Đăng ký đội khác", en: "Register another team" },
  fixErrors: { vi: "Vui lòng sửa các lỗi sau:", en: "Please fix the following:" },
  networkError: { vi: "Không gửi được (mạng chập chờn?). Hãy thử lại.", en: "Could not send (network?). Please try again." },
  resendIsSafe: { vi: "Không gửi được (mạng chập chờn?). Bấm gửi lại — đăng ký sẽ không bị trùng.", en: "Could not send (network?). Press submit again — the team will not be registered twice." },
  connectionFailed: { vi: "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.", en: "Could not reach the server. Check the connection and try again." },
  signInTitle: { vi: "Đăng nhập", en: "Sign in" },
  signInCode: { vi: "Mã đăng nhập", en: "Sign-in code" },
  signIn: { vi: "Đăng nhập", en: "Sign in" },
  signOut: { vi: "Đăng xuất", en: "Sign out" },
  signedInAs: { vi: "Đang đăng nhập: {0}", en: "Signed in as {0}" },
  password: { vi: "Mật khẩu", en: "Password" },
  createContest: { vi: "Tạo cuộc thi", en: "Create a contest" },
  contestName: { vi: "Tên cuộc thi", en: "Contest name" },
  kind: { vi: "Loại", en: "Kind" },
  kindRobocon: { vi: "Robocon", en: "Robocon" },
  kindCreativity: { vi: "Sáng tạo thanh thiếu niên, nhi đồng", en: "Youth creativity" },
  kindTechnicalInnovation: { vi: "Sáng tạo kỹ thuật", en: "Technical innovation" },
  edition: { vi: "Lần thứ", en: "Edition" },
  organisingBody: { vi: "Đơn vị tổ chức", en: "Organising body" },
  districtsOnePerLine: { vi: "Huyện / thành phố (mỗi dòng một đơn vị)", en: "Districts (one per line)" },
  divisions: { vi: "Bảng thi", en: "Divisions" },
  divisionCode: { vi: "Mã", en: "Code" },
  divisionName: { vi: "Tên bảng", en: "Name" },
  addDivision: { vi: "+ Thêm bảng", en: "+ Add a division" },
  search: { vi: "Tìm đội, trường, mã…", en: "Search team, school, code…" },
  allDistricts: { vi: "Tất cả huyện", en: "All districts" },
  allDivisions: { vi: "Tất cả bảng", en: "All divisions" },
  code: { vi: "Mã", en: "Code" },
  registeredAt: { vi: "Ngày đăng ký", en: "Registered" },
  issueCode: { vi: "Cấp mã đăng nhập", en: "Issue a sign-in code" },
  role: { vi: "Vai trò", en: "Role" },
  roleJudge: { vi: "Giám khảo", en: "Judge" },
  roleReferee: { vi: "Trọng tài", en: "Referee" },
  roleTeam: { vi: "Đội thi", en: "Team" },
  displayName: { vi: "Tên hiển thị", en: "Display name" },
  issue: { vi: "Cấp mã", en: "Issue" },
  codeExpires: { vi: "Hết hạn: {0}", en: "Expires: {0}" },
  openBoard: { vi: "Mở bảng theo dõi", en: "Open the board" },
  openPortal: { vi: "Mở cổng đăng ký", en: "Open registration" },
  portalLink: { vi: "Đường dẫn vào cổng của đội (dùng một lần, hãy lưu lại):", en: "Your team's portal link (single use, keep it):" },
  myTeam: { vi: "Đội của tôi", en: "My team" },
  status: { vi: "Trạng thái", en: "Status" },
  statusSubmitted: { vi: "Đã gửi, chờ duyệt", en: "Submitted, awaiting approval" },
  statusApproved: { vi: "Đã duyệt", en: "Approved" },
  statusReturned: { vi: "Cần bổ sung", en: "Returned for changes" },
  statusWithdrawn: { vi: "Đã rút", en: "Withdrawn" },
  returnReason: { vi: "Lý do Ban Tổ chức trả lại:", en: "Why the organisers returned it:" },
  flaggedNotice: { vi: "Theo quy định mới, hồ sơ cần xem lại:", en: "Under the updated rules, please review:" },
  saveChanges: { vi: "Lưu thay đổi", en: "Save changes" },
  saved: { vi: "Đã lưu.", en: "Saved." },
  withdraw: { vi: "Rút khỏi cuộc thi", en: "Withdraw from the contest" },
  confirmWithdraw: { vi: "Rút đội khỏi cuộc thi? Không thể hoàn tác.", en: "Withdraw the team? This cannot be undone." },
  approve: { vi: "Duyệt", en: "Approve" },
  returnForChanges: { vi: "Trả lại", en: "Return" },
  approveSelected: { vi: "Duyệt các đội đã chọn", en: "Approve selected teams" },
  reasonPrompt: { vi: "Lý do trả lại hồ sơ:", en: "Why is it returned?" },
  approvedCount: { vi: "Đã duyệt {0} đội, bỏ qua {1}.", en: "Approved {0} teams, skipped {1}." },
  importTitle: { vi: "Nhập danh sách từ tệp Excel/CSV", en: "Import a list from Excel/CSV" },
  importHint: { vi: "Mỗi dòng một người; các dòng cùng tên đội thuộc một đội.", en: "One row per person; rows with the same team name form one team." },
  downloadTemplate: { vi: "Tải tệp mẫu", en: "Download the template" },
  preview: { vi: "Xem trước", en: "Preview" },
  importSummary: { vi: "{0} đội: {1} nhập được, {2} có lỗi, {3} đã nhập trước đó.", en: "{0} teams: {1} importable, {2} with errors, {3} imported before." },
  rows: { vi: "Dòng", en: "Rows" },
  problems: { vi: "Lỗi", en: "Problems" },
  ok: { vi: "Hợp lệ", en: "OK" },
  alreadyImported: { vi: "Đã nhập", en: "Already imported" },
  commitImport: { vi: "Nhập các đội hợp lệ", en: "Import the valid teams" },
  importedCount: { vi: "Đã nhập {0} đội.", en: "Imported {0} teams." },
  rulesTitle: { vi: "Thời gian đăng ký và điều kiện", en: "Registration window and rules" },
  opensAt: { vi: "Mở đăng ký (giờ Việt Nam)", en: "Opens (Vietnam time)" },
  closesAt: { vi: "Đóng đăng ký (giờ Việt Nam)", en: "Closes (Vietnam time)" },
  minMembers: { vi: "Số thành viên tối thiểu", en: "Fewest members" },
  maxMembers: { vi: "Số thành viên tối đa", en: "Most members" },
  maxMentors: { vi: "Số người hướng dẫn tối đa", en: "Most mentors" },
  severalTeams: { vi: "Một học sinh được tham gia nhiều đội", en: "A student may join several teams" },
  saveRules: { vi: "Lưu điều kiện", en: "Save the rules" },
  nominationsTitle: { vi: "Đề cử lên vòng tỉnh", en: "Nominations to the province round" },
  nominationsSummary: { vi: "{0}/{1} huyện đã chốt danh sách, {2} đội được đề cử.", en: "{0}/{1} districts done, {2} teams nominated." },
  closeList: { vi: "Chốt danh sách", en: "Close the list" },
  listClosed: { vi: "Đã chốt", en: "Closed" },
  nominate: { vi: "Đề cử", en: "Nominate" },
  nominated: { vi: "Đã đề cử", en: "Nominated" },
  columnMapping: { vi: "Ghép cột với thông tin", en: "Which column holds what" },
  applyMapping: { vi: "Áp dụng và xem trước lại", en: "Apply and preview again" },
  history: { vi: "Lịch sử", en: "History" },
  historyOf: { vi: "Lịch sử thay đổi của {0}", en: "Changes to {0}" },
  roundsTitle: { vi: "Các vòng thi", en: "Rounds" },
  roundName: { vi: "Tên vòng", en: "Round" },
  roundLevel: { vi: "Cấp", en: "Level" },
  roundType: { vi: "Hình thức", en: "Type" },
  levelDistrict: { vi: "Cấp huyện", en: "District" },
  levelProvince: { vi: "Cấp tỉnh", en: "Province" },
  levelNational: { vi: "Toàn quốc", en: "National" },
  roundJudgedSubmissions: { vi: "Chấm bài dự thi", en: "Judged submissions" },
  roundMatches: { vi: "Thi đấu đối kháng", en: "Matches" },
  addRound: { vi: "+ Thêm vòng", en: "+ Add a round" },
  saveRounds: { vi: "Lưu các vòng thi", en: "Save the rounds" },
  gradesPerDivision: { vi: "Lớp được dự thi theo bảng", en: "Grades allowed per division" },
  minGrade: { vi: "Từ lớp", en: "From grade" },
  maxGrade: { vi: "Đến lớp", en: "To grade" },
  requiredMemberFields: { vi: "Thông tin thành viên bắt buộc", en: "Member details the form requires" },
  requiredDateOfBirth: { vi: "Ngày sinh", en: "Date of birth" },
  requiredGrade: { vi: "Lớp", en: "Grade" },
  requiredGender: { vi: "Giới tính", en: "Gender" },
  requiredPhone: { vi: "Điện thoại", en: "Phone" },
} as const;

// Each capability keeps its texts in web/src/texts/<capability>.ts, with keys starting with the capability's name
// (entries…, judging…) so that spreading them here can never let one override another.
const dictionary = {
  ...core,
  ...judging,
  ...results,
  ...exportsTexts,
  ...awardsTexts,
  ...matchesTexts,
  ...securityTexts,
  ...roundsTexts,
  ...entriesTexts,
  ...notificationsTexts,
  ...scoringTexts,
  ...leaderboardsTexts,
  ...correctionTexts,
} as const;

export type TextKey = keyof typeof dictionary;

const storageKey = "contests.language";

export function currentLanguage(): Language {
  return localStorage.getItem(storageKey) === "en" ? "en" : "vi";
}

export function setLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
}

export function translate(language: Language, key: TextKey, ...args: (string | number)[]): string {
  return args.reduce<string>((text, arg, index) => text.replace(`{${index}}`, String(arg)), dictionary[key][language]);
}

export function t(key: TextKey, ...args: (string | number)[]): string {
  return translate(currentLanguage(), key, ...args);
}

export const textKeys = Object.keys(dictionary) as TextKey[];

export function allTranslations(key: TextKey): Record<Language, string> {
  return dictionary[key];
}
