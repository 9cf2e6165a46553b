/** How to sort, by which column and direction (1 or -1). */
export interface TableSort<K extends string> {
  key: K;
  dir: number;
}

/**
 * A list as table rows, sorted when the items or the order change and filtered when the search
 * or filter change, each step only when its own inputs changed: thousands of rows stay fast
 * while someone types. `rows` holds every row, sorted; `view` the ones that match.
 */
export class TableView<Item, Row, K extends string> {
  rows: Row[] = [];
  view: Row[] = [];
  #sortedFrom: unknown[] = [];
  #filteredFrom: unknown[] = [];
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
    const sortedFrom = [items, sort.key, sort.dir, locale];
    if (changed(this.#sortedFrom, sortedFrom)) {
      this.#sortedFrom = sortedFrom;
      const by = this.#compare(sort.key, new Intl.Collator(locale));
      this.rows = (items ?? []).map(this.#toRow).sort((a, b) => sort.dir * by(a, b));
    }
    const filteredFrom = [this.rows, query, filter];
    if (changed(this.#filteredFrom, filteredFrom)) {
      this.#filteredFrom = filteredFrom;
      const needle = query.trim().toLowerCase();
      this.view = needle || filter ? this.rows.filter((row) => this.#test(row, needle, filter)) : this.rows;
    }
  }
}

const changed = (before: unknown[], after: unknown[]) => after.some((value, i) => value !== before[i]);
