// Trained classifiers survive the disk round trip bit for bit, and a corrupt file means "train again".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LinearClassifier } from '../../src/nlu/classifier';
import { modelCacheDir, readModelFile, writeModelFile } from '../../src/nlu/model-file';
import { DEFAULT_SOFTMAX } from '../../src/nlu/softmax';

const docs = [
  [1, 2, 3],
  [2, 3, 4],
  [7, 8],
  [8, 9, 7],
  [3, 4, 5],
  [9, 10],
];
const labels = ['a', 'a', 'b', 'b', 'a', 'b'];
const opts = { minDf: 1, softmax: DEFAULT_SOFTMAX, calibrationFolds: 2 };

describe('model files', () => {
  it('a classifier read back predicts exactly as the trained one', () => {
    const trained = LinearClassifier.train(docs, labels, [0, 1, 2, 3, 4, 5], opts);
    const back = LinearClassifier.fromBuffer(trained.toBuffer(4));
    expect(back).not.toBeNull();
    expect(back!.labels).toEqual(trained.labels);
    expect(back!.temperature).toBe(trained.temperature);
    for (const d of [...docs, [1, 9], [15]])
      expect(Array.from(back!.probabilities(d))).toEqual(Array.from(trained.probabilities(d)));
  });

  it('refuses truncated or foreign bytes', () => {
    const buf = LinearClassifier.train(docs, labels, [0, 1, 2, 3, 4, 5], opts).toBuffer(4);
    expect(LinearClassifier.fromBuffer(buf.subarray(0, buf.length - 3))).toBeNull();
    expect(LinearClassifier.fromBuffer(Buffer.from('not a model'))).toBeNull();
  });

  it('stores by key in the cache folder, and can be turned off', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-mf-'));
    expect(readModelFile(dir, 'k')).toBeNull();
    writeModelFile(dir, 'k', Buffer.from('x'));
    expect(readModelFile(dir, 'k')?.toString()).toBe('x');
    expect(modelCacheDir({ MODEL_CACHE_DIR: '' })).toBeNull();
    expect(modelCacheDir({ MODEL_CACHE_DIR: dir })).toBe(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
