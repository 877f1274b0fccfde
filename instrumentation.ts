/** Once per server process; everything Node-only lives in lib/startup/register-node.ts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { registerNode } = await import('./lib/startup/register-node');
  await registerNode();
}
