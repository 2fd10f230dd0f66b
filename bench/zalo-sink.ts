// A loopback stand-in for Zalo's OA message API (POST /v3.0/oa/message/cs, the success envelope of
// ../shared/reference/channels.md §2): it accepts every reply and counts them, so the end-to-end figures
// end where Zalo would take over. Plain node:http: the sink must cost the machine as little as possible.
import { randomBytes } from 'node:crypto';
import http from 'node:http';

export class ZaloSink {
  /** Replies accepted. */
  sent = 0;
  private server: http.Server | null = null;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.method !== 'POST' || !req.url?.startsWith('/v3.0/oa/message/cs')) {
          res.writeHead(404).end();
          return;
        }
        this.sent++;
        const id = randomBytes(10).toString('hex');
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(`{"error":0,"message":"Success","data":{"message_id":"${id}","user_id":"0"}}`);
      });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const a = server.address();
    return `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
