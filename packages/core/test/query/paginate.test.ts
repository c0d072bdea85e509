import { describe, expect, it } from "vitest";
import { compareNames, compileListQuery, paginate, type ListQuery, type ListSpec, type OrderBy, type Page } from "./query.js";
import { invalidArgument, pick, random } from "./helpers.js";

interface Row {
  name: string;
  created: number;
  labels: Record<string, string>;
}

const spec: ListSpec<Row> = {
  collection: "rows",
  filterSchema: {
    name: { kind: "string", get: (row) => row.name },
    labels: { kind: "map", get: (row) => row.labels },
  },
  orderFields: { name: (row) => row.name, create_time: (row) => row.created },
  defaultOrderBy: "name",
};

const parent = "projects/p";

function row(index: number, labels: Record<string, string> = {}): Row {
  return { name: `${parent}/rows/r${String(index).padStart(6, "0")}`, created: 1000 + (index % 7), labels };
}

function query(options: { pageSize?: number; pageToken?: string; filter?: string; orderBy?: string } = {}): ListQuery<Row> {
  return compileListQuery(
    { parent, pageSize: options.pageSize ?? 0, pageToken: options.pageToken ?? "", filter: options.filter ?? "", orderBy: options.orderBy ?? "" },
    spec,
  );
}

/** Every page of a list that does not change, following next_page_token. */
function allPages(items: readonly Row[], options: { pageSize: number; filter?: string; orderBy?: string }): Page<Row>[] {
  const pages: Page<Row>[] = [];
  let pageToken = "";
  do {
    const page = paginate(items, query({ ...options, pageToken }));
    pages.push(page);
    pageToken = page.nextPageToken;
  } while (pageToken !== "" && pages.length < 10_000);
  return pages;
}

const names = (rows: readonly Row[]): string[] => rows.map((r) => r.name);

describe("paginate", () => {
  const ten = Array.from({ length: 10 }, (_, i) => row(i, { parity: i % 2 === 0 ? "even" : "odd" }));

  it("walks a list page by page with next_page_token, the last page without one", () => {
    const pages = allPages(ten, { pageSize: 3 });
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 3, 1]);
    expect(pages.flatMap((page) => names(page.items))).toEqual(names(ten));
    expect(pages.map((page) => page.nextPageToken === "")).toEqual([false, false, false, true]);
    expect(pages.every((page) => page.totalSize === 10)).toBe(true);
  });

  it("has no next page when the last page is exactly full", () => {
    expect(allPages(ten.slice(0, 6), { pageSize: 3 }).map((page) => page.items.length)).toEqual([3, 3]);
    expect(allPages(ten, { pageSize: 5, filter: "labels.parity = even" }).map((page) => page.items.length)).toEqual([5]);
  });

  it("returns an empty last page for an empty list", () => {
    expect(paginate([], query())).toEqual({ items: [], nextPageToken: "", totalSize: 0 });
  });

  it("uses the default page size of 50 and caps at 1000", () => {
    const many = Array.from({ length: 1200 }, (_, i) => row(i));
    expect(paginate(many, query()).items).toHaveLength(50);
    expect(paginate(many, query({ pageSize: 5000 })).items).toHaveLength(1000);
  });

  it("filters, and totalSize counts matches over all pages", () => {
    const pages = allPages(ten, { pageSize: 2, filter: "labels.parity = odd" });
    expect(pages.flatMap((page) => names(page.items))).toEqual(names(ten.filter((_, i) => i % 2 === 1)));
    expect(pages.map((page) => page.totalSize)).toEqual([5, 5, 5]);
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
  });

  it("a filter that matches nothing gives one empty page", () => {
    expect(paginate(ten, query({ filter: "labels.parity = none" }))).toEqual({ items: [], nextPageToken: "", totalSize: 0 });
  });

  it("pages in other orders once the caller sorts by order.compare", () => {
    const firstQuery = query({ orderBy: "create_time desc" });
    const sorted = [...ten].sort(firstQuery.order.compare);
    const pages = allPages(sorted, { pageSize: 4, orderBy: "create_time desc" });
    expect(pages.flatMap((page) => names(page.items))).toEqual(names(sorted));
    expect(sorted.map((r) => r.created)).toEqual([...sorted.map((r) => r.created)].sort((a, b) => b - a));
  });

  it("finds where a page starts by binary search", () => {
    const items = Array.from({ length: 100_000 }, (_, i) => row(i));
    const first = paginate(items, query({ pageSize: 100 }));
    const second = query({ pageSize: 100, pageToken: paginate(items, query({ pageSize: 100, pageToken: first.nextPageToken })).nextPageToken });
    let comparisons = 0;
    const counting: OrderBy<Row> = {
      ...second.order,
      compareToKey: (item, key) => {
        comparisons++;
        return second.order.compareToKey(item, key);
      },
    };
    const page = paginate(items, { ...second, order: counting });
    expect(names(page.items)[0]).toBe(row(200).name);
    expect(comparisons).toBeLessThanOrEqual(Math.ceil(Math.log2(items.length)) + 1);
  });

  it("does not evaluate anything per item without a filter, and evaluates a filter once per item", () => {
    const items = Array.from({ length: 1000 }, (_, i) => row(i, { env: i % 10 === 0 ? "prod" : "dev" }));
    let calls = 0;
    const base = query({ pageSize: 10, filter: "labels.env = prod" });
    const counted = Object.assign((item: Row) => {
      calls++;
      return base.predicate(item);
    });
    const page = paginate(items, { ...base, predicate: counted });
    expect(page.totalSize).toBe(100);
    expect(calls).toBe(1000);
  });

  it("page_size is validated first, then filter, order_by and page_token", () => {
    expect(invalidArgument(() => query({ pageSize: -1, filter: "(", orderBy: "nope", pageToken: "garbage" }))).toMatch(/^invalid page_size/);
    expect(invalidArgument(() => query({ filter: "(", orderBy: "nope", pageToken: "garbage" }))).toMatch(/^invalid filter/);
    expect(invalidArgument(() => query({ orderBy: "nope", pageToken: "garbage" }))).toMatch(/^invalid order_by/);
    expect(invalidArgument(() => query({ pageToken: "garbage" }))).toMatch(/^invalid page_token/);
  });

  it("refuses a token with a different filter or order_by, but allows a different page_size", () => {
    const token = paginate(ten, query({ pageSize: 2, filter: "labels.parity = odd" })).nextPageToken;
    expect(invalidArgument(() => query({ pageToken: token, filter: "labels.parity = even" }))).toMatch(/^page_token does not match the request/);
    expect(invalidArgument(() => query({ pageToken: token, filter: "labels.parity = odd", orderBy: "create_time" }))).toMatch(
      /^page_token does not match/,
    );
    expect(invalidArgument(() => query({ pageToken: token }))).toMatch(/^page_token does not match/);
    expect(names(paginate(ten, query({ pageToken: token, filter: "labels.parity = odd", pageSize: 1 })).items)).toEqual([row(5).name]);
  });

  it("treats an equivalent order_by spelling as the same query", () => {
    const token = paginate(ten, query({ pageSize: 2, orderBy: "create_time" })).nextPageToken;
    expect(() => query({ pageToken: token, orderBy: " create_time asc, name " })).not.toThrow();
  });
});

describe("paginate under concurrent inserts and deletes", () => {
  // Between pages, random rows are inserted and deleted (including the row
  // the token points at). Rows that exist from the first page to the last
  // must each appear exactly once, in order; nothing may repeat.
  const cases = [
    { orderBy: "", filter: "" },
    { orderBy: "", filter: "labels.keep = yes" },
    { orderBy: "create_time desc", filter: "" },
    { orderBy: "create_time", filter: "NOT labels.keep = no" },
    { orderBy: "name desc", filter: "" },
  ];

  it.each(cases.flatMap((c) => [1, 2, 3, 4, 5, 6].map((seed) => ({ ...c, seed }))))(
    "seed $seed, order_by $orderBy, filter $filter",
    ({ seed, orderBy, filter }) => {
      const next = random(seed);
      let counter = 0;
      const makeRow = (): Row => {
        counter++;
        // Random names, so inserts land before, at and after the cursor; few distinct times, so ties are common.
        const name = `${parent}/rows/${Math.floor(next() * 1e9).toString(36)}-${counter}`;
        return { name, created: Math.floor(next() * 5), labels: { keep: next() < 0.7 ? "yes" : "no" } };
      };
      const firstQuery = query({ orderBy, filter });
      const sortInto = (rows: Row[]): Row[] => (firstQuery.order.byNameOnly ? rows.sort((a, b) => compareNames(a.name, b.name)) : rows.sort(firstQuery.order.compare));
      let store = sortInto(Array.from({ length: 200 }, makeRow));
      const initial = new Set(store.map((r) => r.name));
      const deleted = new Set<string>();
      const seen: Row[] = [];
      let pageToken = "";
      let pages = 0;
      do {
        const page = paginate(store, query({ pageSize: 1 + Math.floor(next() * 12), pageToken, orderBy, filter }));
        seen.push(...page.items);
        pageToken = page.nextPageToken;
        pages++;
        // Mutate: delete a few rows (sometimes the last one returned), insert a few.
        for (let i = Math.floor(next() * 4); i > 0; i--) {
          const victim = next() < 0.3 && page.items.length > 0 ? page.items[page.items.length - 1] : pick(next, store);
          if (victim !== undefined) {
            store = store.filter((r) => r !== victim);
            deleted.add(victim.name);
          }
        }
        store = sortInto([...store, ...Array.from({ length: Math.floor(next() * 5) }, makeRow)]);
      } while (pageToken !== "" && pages < 1000);

      expect(pageToken).toBe("");
      const predicate = firstQuery.predicate;
      const seenNames = names(seen);
      expect(new Set(seenNames).size, "no row is returned twice").toBe(seenNames.length);
      for (let i = 1; i < seen.length; i++) {
        expect(firstQuery.order.compare(seen[i - 1] as Row, seen[i] as Row), "rows come in order").toBeLessThan(0);
      }
      const survivors = store.filter((r) => initial.has(r.name) && !deleted.has(r.name) && predicate(r));
      const seenSet = new Set(seenNames);
      for (const survivor of survivors) {
        expect(seenSet.has(survivor.name), `${survivor.name} existed throughout but was skipped`).toBe(true);
      }
      expect(seen.every((r) => predicate(r))).toBe(true);
    },
  );
});
