import { invalidAt } from "../errors.js";
import { MAX_FILTER_TOKENS } from "./limits.js";
import type { Comparator, Token, TokenKind } from "./tokens.js";

// Characters that end a bare word. Everything else (letters, digits, `.`, `-`,
// `_`, `/`, `*`, `+`, ...) may appear in one, so resource names, label keys
// with a DNS prefix and label values need no quotes.
const WORD_BREAKERS = new Set(["(", ")", "=", "!", "<", ">", ":", '"', "'", ","]);

// A bare RFC 3339 timestamp contains `:`, which would otherwise end the word
// (it is the "has" operator). Recognize its shape up front; whether it is a
// valid instant is checked when the filter is compiled against a timestamp field.
const BARE_TIMESTAMP = /\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?/y;

const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r" };

function isSpace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f" || ch === "\v";
}

/**
 * Splits a filter into tokens, ending with an "end" token. Throws
 * INVALID_ARGUMENT (with the position) for an unterminated string, a stray
 * character, or more than MAX_FILTER_TOKENS tokens.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let spaced = false;

  const push = (kind: TokenKind, value: string, start: number, end: number): void => {
    if (kind !== "end" && tokens.length >= MAX_FILTER_TOKENS) {
      throw invalidAt("filter", `too many terms (more than ${MAX_FILTER_TOKENS} tokens)`, start);
    }
    tokens.push({ kind, text: value, start, end, spaced });
    spaced = false;
    pos = end;
  };

  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (isSpace(ch)) {
      spaced = true;
      pos++;
      continue;
    }
    if (ch === "(" || ch === ")") {
      push(ch, ch, pos, pos + 1);
      continue;
    }
    const comparator = readComparator(text, pos);
    if (comparator !== undefined) {
      push("comparator", comparator, pos, pos + comparator.length);
      continue;
    }
    if (ch === "!") {
      throw invalidAt("filter", 'unexpected "!"', pos, 'expected "!=", or NOT for negation');
    }
    if (ch === ",") {
      throw invalidAt("filter", 'unexpected ","', pos, "functions and lists are not supported");
    }
    if (ch === '"' || ch === "'") {
      const { value, end } = readQuoted(text, pos);
      push("string", value, pos, end);
      continue;
    }
    // `-` negates the term it precedes, unless it starts a value (`x = -5`).
    const previous = tokens[tokens.length - 1];
    if (ch === "-" && previous?.kind !== "comparator") {
      push("-", "-", pos, pos + 1);
      continue;
    }
    const end = readWord(text, pos);
    const word = text.slice(pos, end);
    const kind: TokenKind = word === "AND" || word === "OR" || word === "NOT" ? word : "text";
    push(kind, word, pos, end);
  }
  push("end", "", text.length, text.length);
  return tokens;
}

function readComparator(text: string, pos: number): Comparator | undefined {
  const ch = text.charAt(pos);
  const next = text.charAt(pos + 1);
  switch (ch) {
    case "=":
    case ":":
      return ch;
    case "<":
      return next === "=" ? "<=" : "<";
    case ">":
      return next === "=" ? ">=" : ">";
    case "!":
      return next === "=" ? "!=" : undefined;
    default:
      return undefined;
  }
}

function readQuoted(text: string, start: number): { value: string; end: number } {
  const quote = text.charAt(start);
  let value = "";
  let pos = start + 1;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (ch === quote) {
      return { value, end: pos + 1 };
    }
    if (ch === "\\") {
      if (pos + 1 >= text.length) {
        break;
      }
      const escaped = text.charAt(pos + 1);
      value += ESCAPES[escaped] ?? escaped;
      pos += 2;
      continue;
    }
    value += ch;
    pos++;
  }
  throw invalidAt("filter", "unterminated string", start, `expected a closing ${quote === '"' ? "double" : "single"} quote`);
}

function readWord(text: string, start: number): number {
  BARE_TIMESTAMP.lastIndex = start;
  let pos = BARE_TIMESTAMP.test(text) ? BARE_TIMESTAMP.lastIndex : start;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (isSpace(ch) || WORD_BREAKERS.has(ch)) {
      break;
    }
    pos++;
  }
  return pos;
}
