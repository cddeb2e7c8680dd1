// `npm run bench -- --db-delay=MS`: the database as if across a network. A TCP proxy in front
// of the cluster holds every chunk MS milliseconds each way before passing it on, and the app
// and the bench's own SQL connect through it, so a page pays one wait per round trip it makes
// (decision 0024 measured relation loading this way). Node's timers round up to whole
// milliseconds, so 1 is ≈ 2 ms per round trip: a pessimistic data-centre network.
import net from "node:net";

export type DelayProxy = { url: string; close: () => Promise<void> };

export async function startDbDelayProxy(databaseUrl: string, delayMs: number): Promise<DelayProxy> {
  const target = new URL(databaseUrl);
  const hold = (fn: () => void) => setTimeout(fn, delayMs);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.on("data", (chunk) => hold(() => upstream.write(chunk)));
    upstream.on("data", (chunk) => hold(() => client.write(chunk)));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const s of [client, upstream]) s.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const proxied = new URL(databaseUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String((server.address() as net.AddressInfo).port);
  return {
    url: proxied.toString(),
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
