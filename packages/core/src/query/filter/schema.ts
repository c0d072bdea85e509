import type { EpochMillis } from "../timestamp.js";

/** A value an enum getter returns: the generated TS enum's number, or the name itself. */
export type EnumValue = number | string;

/**
 * The names an enum field accepts. Either a generated TS enum object
 * (`VCluster_Phase`, whose reverse number-to-name entries are ignored; the
 * getter returns the number) or a list of names (the getter returns the name).
 */
export type EnumValues = Readonly<Record<string, EnumValue>> | readonly string[];

export interface StringField<T> {
  readonly kind: "string";
  readonly get: (item: T) => string;
}

export interface EnumField<T> {
  readonly kind: "enum";
  readonly get: (item: T) => EnumValue;
  readonly values: EnumValues;
  /** The proto prefix of the value names (`PHASE_`), so `PHASE_RUNNING` is accepted as well as `RUNNING`. */
  readonly protoPrefix?: string;
}

export interface TimestampField<T> {
  readonly kind: "timestamp";
  /** Epoch milliseconds (see `timestampMillis`), undefined when unset. A number keeps evaluation fast. */
  readonly get: (item: T) => EpochMillis | undefined;
}

export interface BoolField<T> {
  readonly kind: "bool";
  readonly get: (item: T) => boolean;
}

export interface IntField<T> {
  readonly kind: "int";
  readonly get: (item: T) => number | bigint;
}

export interface MapField<T> {
  readonly kind: "map";
  readonly get: (item: T) => Readonly<Record<string, string>>;
}

export type FieldSpec<T> = StringField<T> | EnumField<T> | TimestampField<T> | BoolField<T> | IntField<T> | MapField<T>;

/** What a filter may refer to, by AIP-160 field name (snake_case, as in the proto). */
export type FilterSchema<T> = Readonly<Record<string, FieldSpec<T>>>;

/** A compiled filter. `matchesAll` marks the empty filter, so a list can skip evaluating it. */
export type Predicate<T> = ((item: T) => boolean) & { readonly matchesAll?: true };
