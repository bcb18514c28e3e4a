// RFC 7807 answers from the API: a title for people, a stable code, and per-field messages for forms.

export interface Problem {
  status: number;
  title: string;
  code?: string;
  errors: Record<string, string[]>;
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
    this.name = "ProblemError";
  }
}

/**
 * A refusal the person can act on (4xx: invalid, not allowed, not found, closed), as opposed to the server or the
 * network failing (5xx, a gateway's error page, no answer at all), where trying again is the remedy.
 */
export function isRefusal(error: unknown): error is ProblemError {
  return error instanceof ProblemError && error.problem.status < 500;
}

export function toProblem(status: number, body: unknown): Problem {
  const value = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const errors: Record<string, string[]> = {};
  if (typeof value.errors === "object" && value.errors !== null) {
    for (const [field, messages] of Object.entries(value.errors as Record<string, unknown>)) {
      errors[field] = Array.isArray(messages) ? messages.map(String) : [String(messages)];
    }
  }
  return {
    status,
    title: typeof value.title === "string" ? value.title : `HTTP ${status}`,
    code: typeof value.code === "string" ? value.code : undefined,
    errors,
  };
}

/**
 * Maps the API's field paths ("members[0].phone") to the form's input names, which are the same paths, and
 * collects the messages that belong to no input into the summary.
 */
export function errorsByInput(problem: Problem, inputNames: ReadonlySet<string>): { fields: Map<string, string[]>; unplaced: string[] } {
  const fields = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const [path, messages] of Object.entries(problem.errors)) {
    if (inputNames.has(path)) fields.set(path, messages);
    else unplaced.push(...messages);
  }
  if (Object.keys(problem.errors).length === 0) unplaced.push(problem.title);
  return { fields, unplaced };
}
