/** The development mailbox exists in development, and in production only for a demo (DEMO_MODE). */
export function devToolsEnabled(): boolean {
  return process.env.NODE_ENV !== 'production' || Boolean(process.env.DEMO_MODE);
}
