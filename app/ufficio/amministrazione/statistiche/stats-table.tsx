/** The accessible form of each chart: a caption, column headers and one row header per line. */
export function StatsTable({
  caption,
  corner,
  headers,
  rows,
}: {
  caption: string;
  corner: string;
  headers: string[];
  rows: { key: string; label: string; cells: string[] }[];
}) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="p-2">
              {corner}
            </th>
            {headers.map((h) => (
              <th key={h} scope="col" className="p-2 text-right">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-[#d9dee3]">
              <th scope="row" className="p-2 font-semibold">
                {r.label}
              </th>
              {r.cells.map((c, i) => (
                <td key={i} className="p-2 text-right tabular-nums">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
