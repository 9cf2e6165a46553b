/** How to sort, by which column and direction (1 or -1). */
export interface TableSort<K extends string> {
  key: K;
  dir: number;
}

/**
 * A list as table rows, sorted when the items or the order change and filtered when the search
 * or filter change, each step only when its own inputs changed: thousands of rows stay fast
 * while someone types. Each column's order is sorted once per list and kept, and the other
 * direction is that order reversed, so sorting back and forth costs no comparisons. `rows`
 * holds every row, sorted; `view` the ones that match.
 */
export class TableView<Item, Row, K extends string> {
  rows: Row[] = [];
  view: Row[] = [];
  #listFrom: unknown[] = [];
  #filteredFrom: unknown[] = [];
  #unsorted: Row[] = [];
  /** Sorted orders of the current list, by column and direction (`name:1`). */
  #orders = new Map<string, Row[]>();
  readonly #toRow: (item: Item) => Row;
  readonly #compare: (key: K, collator: Intl.Collator) => (a: Row, b: Row) => number;
  readonly #test: (row: Row, needle: string, filter: string) => boolean;

  constructor(
    toRow: (item: Item) => Row,
    compare: (key: K, collator: Intl.Collator) => (a: Row, b: Row) => number,
    test: (row: Row, needle: string, filter: string) => boolean,
  ) {
    this.#toRow = toRow;
    this.#compare = compare;
    this.#test = test;
  }

  update(items: Item[] | undefined, sort: TableSort<K>, locale: string, query: string, filter = ''): void {
    const listFrom = [items, locale];
    if (changed(this.#listFrom, listFrom)) {
      this.#listFrom = listFrom;
      this.#unsorted = (items ?? []).map(this.#toRow);
      this.#orders.clear();
    }
    const order = `${sort.key}:${sort.dir}`;
    let rows = this.#orders.get(order);
    if (!rows) {
      const other = this.#orders.get(`${sort.key}:${-sort.dir}`);
      const by = this.#compare(sort.key, new Intl.Collator(locale));
      rows = other ? [...other].reverse() : [...this.#unsorted].sort((a, b) => sort.dir * by(a, b));
      this.#orders.set(order, rows);
    }
    this.rows = rows;
    const filteredFrom = [rows, query, filter];
    if (changed(this.#filteredFrom, filteredFrom)) {
      this.#filteredFrom = filteredFrom;
      const needle = query.trim().toLowerCase();
      this.view = needle || filter ? rows.filter((row) => this.#test(row, needle, filter)) : rows;
    }
  }
}

const changed = (before: unknown[], after: unknown[]) => after.some((value, i) => value !== before[i]);
