import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** Listen on a free loopback port; resolves with the base URL. */
export function listenLoopback(app: Express, port = 0): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', (err?: Error) => {
      if (err) {
        reject(err);
        return;
      }
      const a = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${a.port}` });
    });
    server.on('error', reject);
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
