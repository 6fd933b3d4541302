import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that makes it look like a server on another host of the
 * same region: every chunk from the server is held back `delayMs` before it is passed on.
 * Node's timers have a resolution of 1 ms, so the whole round trip's delay is added on the way
 * back (1 ms) rather than 0.5 ms each way; for request/response traffic the effect on latency is
 * the same. Order within a connection is kept (one queue per direction).
 */
export function startLatencyProxy(
  target: { host: string; port: number },
  delayMs: number,
): Promise<{ server: Server; port: number }> {
  const delayed = (from: Socket, to: Socket) => {
    const queue: Array<{ due: number; chunk: Buffer }> = [];
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      timer = undefined;
      const now = performance.now();
      while (queue.length > 0 && queue[0].due <= now) to.write(queue.shift()!.chunk);
      if (queue.length > 0) timer = setTimeout(flush, Math.max(0, queue[0].due - now));
    };
    from.on('data', (chunk: Buffer) => {
      queue.push({ due: performance.now() + delayMs, chunk });
      timer ??= setTimeout(flush, delayMs);
    });
  };
  const server = createServer((client) => {
    client.setNoDelay(true);
    const upstream = createConnection(target);
    upstream.setNoDelay(true);
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    delayed(upstream, client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

/** Run as its own process (`node dist/bench/latency-proxy.js host port delayMs`): prints its port. */
if (require.main === module) {
  const [host, port, delay] = process.argv.slice(2);
  void startLatencyProxy({ host, port: Number(port) }, Number(delay)).then(({ port: p }) =>
    process.stdout.write(`${p}\n`),
  );
}
