/** One page of one of Polar's lists (kit/pagination.py `ListResource`). */
interface Page<T> {
  items: T[];
  pagination: { max_page: number };
}

/** Polar's largest page (kit/pagination.py). */
export const PAGE_SIZE = 100;
/** Pages asked for at once after the first. */
const PARALLEL = 4;

/** Every item of a list Polar pages, each once (by id): the first page, then the rest, four at a time. */
export async function allPages<T extends { id: string }>(page: (n: number) => Promise<Page<T>>): Promise<T[]> {
  const first = await page(1);
  const rest: number[] = [];
  for (let n = 2; n <= first.pagination.max_page; n++) rest.push(n);
  const pages = [first];
  for (let i = 0; i < rest.length; i += PARALLEL) pages.push(...(await Promise.all(rest.slice(i, i + PARALLEL).map(page))));
  const byId = new Map<string, T>();
  for (const p of pages) for (const item of p.items) byId.set(item.id, item);
  return [...byId.values()];
}
