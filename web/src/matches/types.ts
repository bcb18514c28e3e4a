// Shapes of the match round API, from the committed OpenAPI snapshot.
import type { components } from "../api/schema";

type Schemas = components["schemas"];

export type MatchRoundView = Schemas["MatchRoundView"];
export type MatchView = Schemas["MatchView"];
export type MatchDetails = Schemas["MatchDetails"];
export type GroupTable = Schemas["GroupTable"];
export type StandingRow = Schemas["StandingRow"];
export type GameDefinition = Schemas["GameDefinition"];
export type ScoreSheet = Schemas["ScoreSheet"];
export type SideSheet = Schemas["SideSheet"];
export type MatchScore = Schemas["MatchScore"];
export type Side = Schemas["Side"];
export type MatchTeam = Schemas["MatchTeam"];
export type GameForm = Schemas["GameForm"];

/** The referee's running score, pushed on the round's board group as "LiveScore"; unofficial. */
export interface LiveScore {
  board: string;
  code: string;
  sequence: number;
  red: string;
  blue: string;
  score: MatchScore;
}
