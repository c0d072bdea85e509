/** The comparison operators of AIP-160. `:` is "has". */
export type Comparator = "=" | "!=" | "<" | "<=" | ">" | ">=" | ":";

export type TokenKind =
  | "("
  | ")"
  | "comparator"
  | "AND"
  | "OR"
  | "NOT"
  /** `-` in front of a term: negation. A `-` right after a comparator is part of the value instead (`x = -5`). */
  | "-"
  /** A bare word: a field path (`labels.env`), a number, a timestamp, an enum name, `*`, ... */
  | "text"
  /** A quoted string; `text` holds it with the quotes removed and escapes resolved. */
  | "string"
  | "end";

export interface Token {
  readonly kind: TokenKind;
  /** For "text" and "string": the value; for operators: the operator; for "end": "". */
  readonly text: string;
  /** 0-based index of the token's first character in the filter. */
  readonly start: number;
  /** Index just past the token's last character. */
  readonly end: number;
  /** Whether whitespace separates this token from the previous one. Quoted map keys (`labels."a/b"`) must be adjacent. */
  readonly spaced: boolean;
}

/** How a token reads in an error message. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case "end":
      return "the end of the filter";
    case "string":
      return `string ${JSON.stringify(token.text)}`;
    default:
      return JSON.stringify(token.text);
  }
}
