// What every fake platform API does alike: serve its Express app on a free loopback port (or a given one,
// to come back where a client already points after a stop) and close it with its open connections.
import type { Server } from 'node:http';
import type { Express } from 'express';
import { closeServer, listenLoopback } from './listen';

export abstract class LoopbackFake {
  /** The base URL, once started. */
  url = '';
  private server: Server | null = null;

  /** The fake's endpoints, built afresh at each start. */
  protected abstract routes(): Express;

  async start(port = 0): Promise<string> {
    const { server, url } = await listenLoopback(this.routes(), port);
    this.server = server;
    this.url = url;
    return url;
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server);
    this.server = null;
  }
}
