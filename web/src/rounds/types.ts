// Shapes of the rounds, entries and notifications API, from the committed OpenAPI snapshot.
import type { components } from "../api/schema";

type Schemas = components["schemas"];

export type RoundScheduleView = Schemas["RoundScheduleView"];
export type RoundPhase = Schemas["RoundPhase"];
export type RoundTimelineView = Schemas["RoundTimelineView"];
export type TimelineStep = Schemas["TimelineStep"];
export type RoundScheduleForm = Schemas["RoundScheduleForm"];
export type AdvancementKind = Schemas["AdvancementKind"];
export type AdvancementView = Schemas["AdvancementView"];
export type SubmissionsView = Schemas["SubmissionsView"];
export type SubmissionRow = Schemas["SubmissionRow"];
export type EntryView = Schemas["EntryView"];
export type EntryRevisionView = Schemas["EntryRevisionView"];
export type TeamResultView = Schemas["TeamResultView"];
export type TeamJudgeSheet = Schemas["TeamJudgeSheet"];
export type NotificationsInbox = Schemas["NotificationsInbox"];
