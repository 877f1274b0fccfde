import { createConnection, createServer, type Server, type Socket } from 'node:net';

export type TcpProxy = {
  port: number;
  cut: () => Promise<void>;
  restore: () => Promise<void>;
  /** Stops forwarding without closing anything, like a network that drops packets: queries hang. */
  freeze: () => void;
  thaw: () => void;
  close: () => Promise<void>;
};

/**
 * A loopback TCP relay between the app and PostgreSQL, so a test can make the database
 * unreachable (every open connection dropped, new ones refused) or silent (freeze: nothing forwarded,
 * nothing closed) without stopping the shared server.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let frozen = false;
  const relay = (client: Socket) => {
    const upstream = createConnection(target);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
    // After pipe(), which resumes its source.
    if (frozen) for (const s of [client, upstream]) s.pause();
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  let server: Server = createServer(relay);
  const listen = (port: number) =>
    new Promise<number>((resolve) =>
      server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    );
  const port = await listen(0);
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return {
    port,
    cut: stop,
    freeze: () => {
      frozen = true;
      for (const s of sockets) s.pause();
    },
    thaw: () => {
      frozen = false;
      for (const s of sockets) s.resume();
    },
    restore: async () => {
      server = createServer(relay);
      await listen(port);
    },
    close: stop,
  };
}
