export type ScreeningFindingKind = "id_number" | "mobile_number" | "bank_card" | "email" | "sensitive_word" | "wording_error";

/** A possible personal or sensitive datum (保密审查提示) for a reviewer to look at before publication. */
export type ScreeningFinding = {
  kind: ScreeningFindingKind;
  match: string;
  /** UTF-16 offsets into the screened text, as `String#slice` takes them. */
  start: number;
  end: number;
  /** The match with about 15 characters either side, so the reviewer can judge it in place. */
  context: string;
};

/** What a detector reports; the context is added once, after de-duplication. */
export type ScreeningMatch = Omit<ScreeningFinding, "context">;

/** A serious wording error (严重表述错误) and its correct form, from the administrator's list. */
export type WordingError = { wrong: string; correct: string };

export type ScreeningOptions = { sensitiveWords: string[]; wordingErrors?: WordingError[] };
