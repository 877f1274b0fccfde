/** One shape for every keyset-paginated list: the rows, how many match, and the cursors of the neighbour pages. */
export type Page<T> = {
  rows: T[];
  total: number;
  nextCursor: string | null;
  prevCursor: string | null;
};
