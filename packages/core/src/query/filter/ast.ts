import type { Comparator } from "./tokens.js";

/** One dot-separated part of a field path; `labels."example.com/team"` has two. */
export interface PathSegment {
  readonly name: string;
  readonly position: number;
}

/** The right-hand side of a comparison, still untyped: its meaning depends on the field. */
export interface Literal {
  readonly text: string;
  /** Quoted literals are always strings; bare ones may be numbers, booleans, enum names or timestamps. */
  readonly quoted: boolean;
  readonly position: number;
}

export interface Restriction {
  readonly type: "restriction";
  readonly path: readonly PathSegment[];
  readonly comparator: Comparator;
  readonly comparatorPosition: number;
  readonly value: Literal;
}

export interface Conjunction {
  readonly type: "and";
  readonly children: readonly FilterNode[];
}

export interface Disjunction {
  readonly type: "or";
  readonly children: readonly FilterNode[];
}

export interface Negation {
  readonly type: "not";
  readonly child: FilterNode;
}

/** The parsed filter. AND and OR are n-ary so a long flat chain does not nest deeply. */
export type FilterNode = Restriction | Conjunction | Disjunction | Negation;
