import { demoMode, isDevelopment } from '@/lib/config/runtime-config';

/** The development mailbox exists in development (`next dev`) and, outside it, only for a demo (DEMO_MODE=1|true). */
export function devToolsEnabled(): boolean {
  return isDevelopment() || demoMode();
}
