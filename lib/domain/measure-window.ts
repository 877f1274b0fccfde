export type MeasureWindow = { opensOn: string; closesOn: string };

/** Both ends included; ISO dates compare correctly as strings. */
export function isMeasureOpen(w: MeasureWindow, today: string): boolean {
  return w.opensOn <= today && today <= w.closesOn;
}
