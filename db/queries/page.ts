/** One shape for every keyset-paginated list: the rows, how many match, and the cursors of the neighbour pages. */
export type Page<T> = {
  rows: T[];
  /** How many rows match; when `totalExact` is false, at least this many (counting stops at a cap). */
  total: number;
  totalExact: boolean;
  nextCursor: string | null;
  prevCursor: string | null;
};
