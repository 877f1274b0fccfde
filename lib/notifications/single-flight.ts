/**
 * At most one run of `work` at a time in this process: a call while a run is in progress asks for one more
 * run after it (however many calls came) and resolves when that run ends, so every call is covered by a run
 * that started after it. Twenty signers confirming at once start two dispatches, not twenty competing for the
 * same rows. `work` handles its own errors; a rejection ends the runs and is passed to the waiting callers.
 */
export function singleFlight(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await work();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
