// Side by side, in one run: motcua, the TF-IDF + linear SVM peer and NLP.js, all trained on the
// examples `motcua training-data` prints: label accuracy on the labelled sets, training time (motcua's
// includes its calibration), classify throughput (median of runs, single process); then motcua's latency. Machines are noisy: medians.
import fs from 'node:fs';
import path from 'node:path';
import { score, type Labelled, type Predicted } from '../src/eval/score';
import { loadTrainingDataOrThrow } from '../src/nlu/load-model';
import { labelOf, NluModel } from '../src/nlu/model';
import { MotcuaPeer } from './peers/motcua';
import { NlpJsPeer } from './peers/nlpjs';
import type { Peer } from './peers/peer';
import { SvmPeer } from './peers/svm';
import { median } from './median';

const RUNS = 5;
/** Each throughput run lasts about this long, whatever the peer's speed. */
const RUN_MS = 1000;

const quantile = (sorted: Float64Array, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
/** The k-th text, going round the list (the lists are never empty). */
const nth = (texts: readonly string[], k: number) => texts[k % texts.length] ?? '';
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

function readSet(file: string): Labelled[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labelled);
}

/** A peer's label (`p:<procedure>`, `x:<redirect>`, intent) as a prediction to score. */
function predicted(label: string): Predicted {
  if (label.startsWith('p:'))
    return { intent: 'procedure', procedure: label.slice(2), aspect: null, code: null, confidence: 1 };
  return {
    intent: label.startsWith('x:') ? 'out_of_scope' : label,
    procedure: null,
    aspect: null,
    code: null,
    confidence: 1,
  };
}

/** Labels one text, awaiting only peers that answer asynchronously (an await costs a microtask). */
async function label(peer: Peer, text: string): Promise<string> {
  const r = peer.label(text);
  return typeof r === 'string' ? r : await r;
}

/** Messages per second of wall time and per second of this process's CPU time (robust to a busy machine). */
async function throughput(peer: Peer, texts: readonly string[]): Promise<{ wall: number; cpu: number }> {
  let i = 0;
  const warm = process.hrtime.bigint();
  while (ms(warm) < RUN_MS / 4) await label(peer, nth(texts, i++));
  const perRun = Math.max(texts.length, Math.round((i / (RUN_MS / 4)) * RUN_MS));
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (let k = 0; k < perRun; k++) await label(peer, nth(texts, k));
    const c = process.cpuUsage(c0);
    wall.push(perRun / (ms(t0) / 1000));
    cpu.push(perRun / ((c.user + c.system) / 1e6));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

interface PeerFigures {
  name: string;
  trainMs: number;
  accuracy: number[];
  rate: { wall: number; cpu: number };
}

export async function runClassifyBench(root: string): Promise<string[]> {
  const intents = path.join(root, 'intents');
  const data = loadTrainingDataOrThrow(intents);
  const examples = data.examples.map((e) => ({ text: e.text, label: labelOf(e) }));
  const sets = [
    { name: 'dev', file: path.join(root, '..', 'shared', 'eval', 'dev.jsonl') },
    { name: 'own-set', file: path.join(root, 'eval', 'own-set.jsonl') },
  ]
    .filter((s) => fs.existsSync(s.file))
    .map((s) => ({ ...s, gold: readSet(s.file) }));
  const texts = sets.flatMap((s) => s.gold.map((g) => g.text));
  const figures: PeerFigures[] = [];
  for (const peer of [new MotcuaPeer(data), new SvmPeer(), new NlpJsPeer()] as Peer[]) {
    const t0 = process.hrtime.bigint();
    await peer.train(examples);
    const trainMs = ms(t0);
    const accuracy: number[] = [];
    for (const s of sets) {
      const preds: Predicted[] = [];
      for (const g of s.gold) preds.push(predicted(await label(peer, g.text)));
      accuracy.push(score(s.gold, preds).labelAccuracy);
    }
    figures.push({ name: peer.name, trainMs, accuracy, rate: await throughput(peer, texts) });
  }
  const [ours, ...peers] = figures;
  if (!ours) throw new Error('classify bench: no figures');
  const out = [
    `classifiers trained on the same ${examples.length} examples; label accuracy = intent right, and procedure right for procedure questions`,
  ];
  out.push(
    `${'model'.padEnd(22)}${sets.map((s) => s.name.padStart(10)).join('')}${'train ms'.padStart(10)}${'msg/s'.padStart(10)}${'msg/cpu-s'.padStart(11)}`,
  );
  for (const f of figures) {
    out.push(
      `${f.name.padEnd(22)}${f.accuracy.map((a) => a.toFixed(3).padStart(10)).join('')}${f.trainMs.toFixed(0).padStart(10)}${Math.round(f.rate.wall).toLocaleString('en').padStart(10)}${Math.round(f.rate.cpu).toLocaleString('en').padStart(11)}`,
    );
  }
  for (const f of peers) {
    const acc = sets
      .map((s, i) => `${s.name} ${((ours.accuracy[i] ?? NaN) / (f.accuracy[i] ?? NaN)).toFixed(3)}`)
      .join(', ');
    out.push(
      `motcua / ${f.name}: accuracy ${acc}; throughput ×${(ours.rate.cpu / f.rate.cpu).toFixed(1)} per CPU-second, ×${(ours.rate.wall / f.rate.wall).toFixed(1)} per second; training time ×${(ours.trainMs / f.trainMs).toFixed(2)}`,
    );
  }
  out.push(
    `classify: ${Math.round(ours.rate.wall).toLocaleString('en')} messages/s, ${Math.round(ours.rate.cpu).toLocaleString('en')} per CPU-second (median of ${RUNS} runs, single process; target >= 20,000)`,
  );
  out.push(...latency(data, texts));
  return out;
}

/** motcua's per-message latency (its model comes from the cache, trained above). */
function latency(data: ReturnType<typeof loadTrainingDataOrThrow>, texts: readonly string[]): string[] {
  const model = NluModel.train(data);
  const lat = new Float64Array(texts.length * 20);
  for (let i = 0; i < lat.length; i++) {
    const t0 = process.hrtime.bigint();
    model.understand(nth(texts, i));
    lat[i] = ms(t0);
  }
  lat.sort();
  return [
    `classify latency: p50 ${quantile(lat, 0.5).toFixed(3)} ms, p99 ${quantile(lat, 0.99).toFixed(3)} ms (target p99 < 1 ms)`,
  ];
}
