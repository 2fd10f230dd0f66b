// Classify throughput and latency on the dev set repeated, and model load time (medians of runs).
import fs from 'node:fs';
import path from 'node:path';
import { loadModel } from '../src/nlu/load-model';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (sorted: Float64Array, q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

export function runClassifyBench(root: string): string[] {
  const intents = path.join(root, 'intents');
  const devFile = path.join(root, '..', 'shared', 'eval', 'dev.jsonl');
  const texts = fs.existsSync(devFile)
    ? fs.readFileSync(devFile, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text)
    : ['lam giay khai sinh can gi', 'lệ phí đăng ký kết hôn bao nhiêu', 'tra hồ sơ 000.00.15.H12-251118-0007'];
  const loads: number[] = [];
  let model = loadModel(intents);
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    model = loadModel(intents);
    loads.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  for (let i = 0; i < 2000; i++) model.understand(texts[i % texts.length]); // warm-up
  const rates: number[] = [];
  let lat = new Float64Array(0);
  for (let run = 0; run < 5; run++) {
    const n = texts.length * 100;
    lat = new Float64Array(n);
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      model.understand(texts[i % texts.length]);
      lat[i] = Number(process.hrtime.bigint() - t0) / 1e6;
    }
    rates.push(n / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  lat.sort();
  return [
    `classify: ${Math.round(median(rates)).toLocaleString('en')} messages/s (median of 5 runs of ${texts.length * 100}, single process; target >= 20,000)`,
    `classify latency: p50 ${quantile(lat, 0.5).toFixed(3)} ms, p99 ${quantile(lat, 0.99).toFixed(3)} ms (target p99 < 1 ms)`,
    `model load (train from intents/): median ${median(loads).toFixed(0)} ms of 5 (target < 1000 ms), ${model.exampleCount} examples`,
  ];
}
