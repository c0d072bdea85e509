import { invalidAt } from "../errors.js";
import type { FilterNode, Literal, PathSegment, Restriction } from "./ast.js";
import { MAX_FILTER_DEPTH } from "./limits.js";
import { tokenize } from "./lexer.js";
import { describeToken, type Comparator, type Token } from "./tokens.js";

const EXPECTED_TERM = 'expected a restriction such as labels.env = "prod", "(" or NOT';
const EXPECTED_COMPARATOR = "expected one of =, !=, <, <=, >, >=, :";

/**
 * Parses an AIP-160 filter. Returns undefined for an empty (or all-blank)
 * filter, which matches everything.
 *
 * The grammar, from AIP-160 (note that OR binds tighter than AND, and that
 * juxtaposition is an implicit AND):
 *
 *     expression  = sequence { "AND" sequence }
 *     sequence    = factor { factor }
 *     factor      = term { "OR" term }
 *     term        = [ "NOT" | "-" ] simple
 *     simple      = restriction | "(" expression ")"
 *     restriction = member comparator value
 *     member      = word { "." ( word | quoted ) }
 *
 * Unlike AIP-160, a bare value with no comparator (global text search) and
 * function calls are not supported, and NOT may repeat (`NOT NOT a = 1`).
 */
export function parseFilter(text: string): FilterNode | undefined {
  const parser = new Parser(tokenize(text));
  if (parser.peek().kind === "end") {
    return undefined;
  }
  const node = parser.expression(0);
  const rest = parser.peek();
  if (rest.kind === ")") {
    throw invalidAt("filter", 'unbalanced ")"', rest.start, 'no matching "(" before it');
  }
  if (rest.kind !== "end") {
    // Whatever could continue the expression was consumed; a comparator or a string cannot start a term.
    throw invalidAt("filter", unexpected(rest), rest.start, EXPECTED_TERM);
  }
  return node;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token {
    // tokenize() always ends with an "end" token, and next() never moves past it.
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== "end") {
      this.index++;
    }
    return token;
  }

  expression(depth: number): FilterNode {
    const children = [this.sequence(depth)];
    while (this.peek().kind === "AND") {
      this.next();
      children.push(this.sequence(depth));
    }
    return flatten("and", children);
  }

  private sequence(depth: number): FilterNode {
    const children = [this.factor(depth)];
    while (startsTerm(this.peek())) {
      children.push(this.factor(depth));
    }
    return flatten("and", children);
  }

  private factor(depth: number): FilterNode {
    const children = [this.term(depth)];
    while (this.peek().kind === "OR") {
      this.next();
      children.push(this.term(depth));
    }
    return flatten("or", children);
  }

  private term(depth: number): FilterNode {
    const token = this.peek();
    if (token.kind === "NOT" || token.kind === "-") {
      checkDepth(depth + 1, token);
      this.next();
      return { type: "not", child: this.term(depth + 1) };
    }
    if (token.kind === "(") {
      checkDepth(depth + 1, token);
      this.next();
      if (this.peek().kind === ")") {
        throw invalidAt("filter", 'empty "()"', token.start, EXPECTED_TERM);
      }
      const inner = this.expression(depth + 1);
      const close = this.peek();
      if (close.kind !== ")") {
        const found = close.kind === "end" ? "" : `; found ${describeToken(close)} at position ${close.start}`;
        throw invalidAt("filter", 'unbalanced "("', token.start, `expected a matching ")"${found}`);
      }
      this.next();
      return inner;
    }
    if (token.kind === "text") {
      return this.restriction();
    }
    const previous = this.tokens[this.index - 1];
    if (token.kind === "end" && previous !== undefined && isOperator(previous)) {
      throw invalidAt("filter", `dangling ${describeToken(previous)}`, previous.start, `${EXPECTED_TERM} after it`);
    }
    throw invalidAt("filter", unexpected(token), token.start, EXPECTED_TERM);
  }

  private restriction(): Restriction {
    const path = this.member();
    const operator = this.peek();
    if (operator.kind !== "comparator") {
      const field = path.map((segment) => segment.name).join(".");
      throw invalidAt(
        "filter",
        `expected a comparison after "${field}" but found ${describeToken(operator)}`,
        operator.start,
        EXPECTED_COMPARATOR,
      );
    }
    this.next();
    const value = this.literal(operator);
    return {
      type: "restriction",
      path,
      comparator: operator.text as Comparator,
      comparatorPosition: operator.start,
      value,
    };
  }

  /** `labels.env`, `labels."example.com/team"`: a word split at dots, with quoted segments glued on. */
  private member(): PathSegment[] {
    const segments: PathSegment[] = [];
    let word = this.next();
    for (;;) {
      const parts = word.text.split(".");
      let position = word.start;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i] as string;
        const trailing = i === parts.length - 1;
        // A word may begin with the dot that follows a quoted segment (`labels."a".b`).
        const leading = i === 0 && segments.length > 0;
        if (part === "" && !leading && !(trailing && this.quotedSegmentFollows())) {
          throw invalidAt("filter", `empty field name in "${word.text}"`, position, "expected a name between the dots");
        }
        if (part !== "") {
          segments.push({ name: part, position });
        }
        position += part.length + 1;
      }
      if (!this.quotedSegmentFollows()) {
        return segments;
      }
      const quoted = this.next();
      segments.push({ name: quoted.text, position: quoted.start });
      const after = this.peek();
      if (after.kind === "text" && !after.spaced && after.text.startsWith(".")) {
        word = this.next();
        continue;
      }
      return segments;
    }
  }

  /** Whether the token after the current word is a quoted path segment: it must touch a word that ends in ".". */
  private quotedSegmentFollows(): boolean {
    const previous = this.tokens[this.index - 1];
    const token = this.peek();
    return token.kind === "string" && !token.spaced && previous?.kind === "text" && previous.text.endsWith(".");
  }

  private literal(operator: Token): Literal {
    const token = this.peek();
    if (token.kind === "text" || token.kind === "string") {
      this.next();
      return { text: token.text, quoted: token.kind === "string", position: token.start };
    }
    const hint =
      token.kind === "AND" || token.kind === "OR" || token.kind === "NOT"
        ? `quote it to compare with the word ${token.text}`
        : 'expected a value such as "prod", RUNNING, 3, true or 2026-01-02T15:04:05Z';
    throw invalidAt("filter", `expected a value after "${operator.text}" but found ${describeToken(token)}`, token.start, hint);
  }
}

function isOperator(token: Token): boolean {
  return token.kind === "AND" || token.kind === "OR" || token.kind === "NOT" || token.kind === "-";
}

function unexpected(token: Token): string {
  return token.kind === "end" ? "the filter ends too early" : `unexpected ${describeToken(token)}`;
}

function startsTerm(token: Token): boolean {
  return token.kind === "text" || token.kind === "(" || token.kind === "NOT" || token.kind === "-";
}

function checkDepth(depth: number, token: Token): void {
  if (depth > MAX_FILTER_DEPTH) {
    throw invalidAt("filter", `nested too deeply (more than ${MAX_FILTER_DEPTH} levels of parentheses and NOT)`, token.start);
  }
}

function flatten(type: "and" | "or", children: FilterNode[]): FilterNode {
  if (children.length === 1) {
    return children[0] as FilterNode;
  }
  // (a AND b) AND c is a AND b AND c: keep n-ary nodes flat.
  const flat: FilterNode[] = [];
  for (const child of children) {
    if (child.type === type) {
      flat.push(...child.children);
    } else {
      flat.push(child);
    }
  }
  return { type, children: flat };
}
