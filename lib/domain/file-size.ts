const KB = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });

/** 2 097 152 → "2 MB", 1536 → "1,5 kB": what a family reads next to the file's name. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${KB.format(bytes / 1024)} kB`;
  return `${KB.format(bytes / (1024 * 1024))} MB`;
}
