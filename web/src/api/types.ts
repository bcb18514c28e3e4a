// Request and response shapes, generated from the committed OpenAPI snapshot (npm run gen:api), so a change in the
// API that the web app does not follow fails `tsc` here and the snapshot test in Contests.Api.Tests.
import type { components } from "./schema";

type Schemas = components["schemas"];

export type ContestSummary = Schemas["ContestSummary"];
export type ContestView = Schemas["ContestView"];
export type ContestKind = Schemas["ContestKind"];
export type ContestForm = Schemas["ContestForm"];
export type TeamForm = Schemas["TeamForm"];
export type MemberForm = Schemas["MemberForm"];
export type MentorForm = Schemas["MentorForm"];
export type TeamView = Schemas["TeamView"];
export type TeamRegistration = Schemas["TeamRegistration"];
export type TeamDetails = Schemas["TeamDetails"];
export type TeamStatus = Schemas["TeamStatus"];
export type ImportPreview = Schemas["ImportPreview"];
export type ImportField = Schemas["ImportField"];
export type TeamHistoryEntry = Schemas["TeamHistoryEntry"];
export type MemberField = Schemas["MemberField"];
export type NominationsView = Schemas["NominationsView"];
export type ImportCommitted = Schemas["ImportCommitted"];
export type DistrictBoardView = Schemas["DistrictBoardView"];
export type CurrentUser = Schemas["CurrentUser"];
export type SignedInUser = Schemas["SignedInUser"];
export type IssueSignInCodeRequest = Schemas["IssueSignInCodeRequest"];
export type IssuedSignInCode = Schemas["IssuedSignInCode"];
export type AuditEntry = Schemas["AuditEntry"];
export type SessionView = Schemas["SessionView"];
export type AccountView = Schemas["AccountView"];
export type SignInCodeView = Schemas["SignInCodeView"];
export type OrganisationView = Schemas["OrganisationView"];

export type JudgeWorklistView = Schemas["JudgeWorklistView"];
export type WorklistRound = Schemas["WorklistRound"];
export type WorklistEntry = Schemas["WorklistEntry"];
export type ScoringEntryView = Schemas["ScoringEntryView"];
export type ScoreSheetView = Schemas["ScoreSheetView"];
export type SheetStatus = Schemas["SheetStatus"];
