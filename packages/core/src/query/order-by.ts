import { invalidAt } from "./errors.js";
import { compareSortValues, type SortValue } from "./sort-value.js";

/** Getters for the fields a list may be ordered by. `name` is required: it breaks ties, so the order is total. */
export type OrderFields<T> = { readonly name: (item: T) => string } & Readonly<Record<string, (item: T) => SortValue>>;

export interface OrderField {
  readonly field: string;
  readonly desc: boolean;
}

export interface OrderBy<T> {
  /** The requested fields, then `name` if it was not among them. */
  readonly fields: readonly OrderField[];
  /** The normalized text, `create_time desc, name`; equal for equivalent order_by strings. */
  readonly canonical: string;
  /** True for plain `name` order: a store's name-sorted array can be paginated as is, without sorting. */
  readonly byNameOnly: boolean;
  compare(a: T, b: T): number;
  /** The item's sort key: one value per field of `fields`. What a page token remembers. */
  key(item: T): SortValue[];
  /** Orders an item against a sort key, as `compare` would order it against the item the key came from. */
  compareToKey(item: T, key: readonly SortValue[]): number;
}

const FIELD = /[A-Za-z_][A-Za-z0-9_.]*/y;
const SPACE = /\s*/y;

/**
 * Parses an AIP-132 `order_by` (`create_time desc, name`): comma-separated
 * fields, each optionally followed by `desc` (or `asc`). Empty text means
 * `options.default`. `name` is appended as the last tie-breaker unless
 * present, so no two items ever compare equal and keyset pagination can
 * neither skip nor repeat. Unknown or repeated fields and bad syntax are
 * INVALID_ARGUMENT with the position.
 */
export function compileOrderBy<T>(text: string, allowed: OrderFields<T>, options: { readonly default: string }): OrderBy<T> {
  const requested = text.trim() === "" ? parseOrderBy(options.default, allowed) : parseOrderBy(text, allowed);
  const fields = requested.some((field) => field.field === "name") ? requested : [...requested, { field: "name", desc: false }];
  const getters = fields.map((field) => allowed[field.field] as (item: T) => SortValue);
  const signs = fields.map((field) => (field.desc ? -1 : 1));
  const byNameOnly = fields.length === 1 && fields[0]?.field === "name" && !fields[0].desc;

  const compareToKey = (item: T, key: readonly SortValue[]): number => {
    for (let i = 0; i < getters.length; i++) {
      const order = compareSortValues((getters[i] as (item: T) => SortValue)(item), key[i] as SortValue);
      if (order !== 0) {
        return order * (signs[i] as number);
      }
    }
    return 0;
  };
  const name = allowed.name;
  return {
    fields,
    canonical: fields.map((field) => (field.desc ? `${field.field} desc` : field.field)).join(", "),
    byNameOnly,
    compare: byNameOnly
      ? (a, b) => compareSortValues(name(a), name(b))
      : (a, b) => {
          for (let i = 0; i < getters.length; i++) {
            const get = getters[i] as (item: T) => SortValue;
            const order = compareSortValues(get(a), get(b));
            if (order !== 0) {
              return order * (signs[i] as number);
            }
          }
          return 0;
        },
    key: (item) => getters.map((get) => get(item)),
    compareToKey,
  };
}

function parseOrderBy<T>(text: string, allowed: OrderFields<T>): OrderField[] {
  const fields: OrderField[] = [];
  const expected = `expected one of: ${Object.keys(allowed).join(", ")}, each optionally followed by desc`;
  let pos = skipSpace(text, 0);
  for (;;) {
    FIELD.lastIndex = pos;
    const match = FIELD.exec(text);
    if (match === null) {
      const what = pos >= text.length ? "the end" : JSON.stringify(text.charAt(pos));
      throw invalidAt("order_by", `expected a field name but found ${what}`, pos, expected);
    }
    const field = match[0];
    if (!Object.hasOwn(allowed, field)) {
      throw invalidAt("order_by", `unknown field ${JSON.stringify(field)}`, pos, expected);
    }
    if (fields.some((previous) => previous.field === field)) {
      throw invalidAt("order_by", `field ${JSON.stringify(field)} is repeated`, pos, "name each field at most once");
    }
    pos = skipSpace(text, FIELD.lastIndex);
    let desc = false;
    FIELD.lastIndex = pos;
    const direction = FIELD.exec(text);
    if (direction !== null) {
      const word = direction[0];
      if (word !== "desc" && word !== "asc") {
        throw invalidAt("order_by", `unexpected ${JSON.stringify(word)} after ${JSON.stringify(field)}`, pos, 'expected desc, asc, "," or the end');
      }
      desc = word === "desc";
      pos = skipSpace(text, FIELD.lastIndex);
    }
    fields.push({ field, desc });
    if (pos >= text.length) {
      return fields;
    }
    if (text.charAt(pos) !== ",") {
      throw invalidAt("order_by", `unexpected ${JSON.stringify(text.charAt(pos))}`, pos, 'expected "," between fields');
    }
    pos = skipSpace(text, pos + 1);
  }
}

function skipSpace(text: string, pos: number): number {
  SPACE.lastIndex = pos;
  SPACE.test(text);
  return SPACE.lastIndex;
}
