// Loopback fake of a provincial one-stop system's dossier API (what DOSSIER_API_URL points at):
// GET /dossiers/:code → 200 with the dossier, 404 when unknown; it can be slow, down (503) or flapping.
import express, { type Express } from 'express';
import { LoopbackFake } from './loopback-fake';

export type DossierApiMode = 'up' | 'slow' | 'down' | 'flapping';

export class FakeDossierApi extends LoopbackFake {
  mode: DossierApiMode = 'up';
  /** How long 'slow' takes to answer. */
  slowMs = 500;
  /** Requests received, answered or not. */
  calls = 0;
  readonly dossiers = new Map<string, unknown>();

  protected routes(): Express {
    const app = express();
    app.get('/dossiers/:code', async (req, res) => {
      this.calls++;
      if (this.mode === 'down' || (this.mode === 'flapping' && this.calls % 2 === 1)) {
        res.status(503).json({ error: 'maintenance' });
        return;
      }
      if (this.mode === 'slow') await new Promise((r) => setTimeout(r, this.slowMs));
      if (res.destroyed) return;
      const d = this.dossiers.get(req.params.code);
      if (d === undefined) res.status(404).json({ error: 'not found' });
      else res.status(200).json(d);
    });
    return app;
  }
}
