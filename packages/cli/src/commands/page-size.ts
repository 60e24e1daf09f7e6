/** Within the page limit of every listing endpoint; a larger `--max` is shown over several pages. */
const MAX_PAGE_SIZE = 100;

/** The page size for showing at most `limit` items: no bigger than needed. */
export function pageSize(limit: number | undefined): number | undefined {
  return limit === undefined ? undefined : Math.min(limit, MAX_PAGE_SIZE);
}
