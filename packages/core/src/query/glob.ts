/**
 * Compiles an AIP-160 string pattern, where `*` matches any run of characters
 * (`name = "projects/p/vclusters/dev-*"`), to a matcher.
 *
 * Deliberately not a RegExp: a filter like `a*a*a*a*...b` would make a
 * backtracking regex take exponential time. Matching the literal pieces left
 * to right with indexOf is linear in the input per piece, and the leftmost
 * match of each piece is always a safe choice when the only wildcard is `*`.
 */
export function compileGlob(pattern: string): (value: string) => boolean {
  if (!pattern.includes("*")) {
    return (value) => value === pattern;
  }
  const pieces = pattern.split("*");
  const prefix = pieces[0] as string;
  const suffix = pieces[pieces.length - 1] as string;
  const middle = pieces.slice(1, -1).filter((piece) => piece !== "");
  const minLength = prefix.length + suffix.length + middle.reduce((sum, piece) => sum + piece.length, 0);

  if (middle.length === 0) {
    if (suffix === "") {
      return prefix === "" ? () => true : (value) => value.startsWith(prefix);
    }
    if (prefix === "") {
      return (value) => value.endsWith(suffix);
    }
    return (value) => value.length >= minLength && value.startsWith(prefix) && value.endsWith(suffix);
  }
  return (value) => {
    if (value.length < minLength || !value.startsWith(prefix) || !value.endsWith(suffix)) {
      return false;
    }
    const limit = value.length - suffix.length;
    let from = prefix.length;
    for (const piece of middle) {
      const at = value.indexOf(piece, from);
      if (at < 0 || at + piece.length > limit) {
        return false;
      }
      from = at + piece.length;
    }
    return true;
  };
}
