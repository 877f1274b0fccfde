import path from 'node:path';

/** The project's tsx, run directly: through npx it costs another Node start (half a CPU-second) each time. */
export const TSX = path.join('node_modules', '.bin', 'tsx');
