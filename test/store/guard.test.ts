// The store's refusals name the field and what it must be, whichever schema (entity or argument) refused.
import { dossierSchema } from '../../src/store/entities/dossier';
import { int, json, list, str } from '../../src/store/entities/fields';
import { StoreInputError, arg, guardPort } from '../../src/store/guard';

const port = {
  get: async (_code: string) => 'ok',
  many: async (_codes: string[], _limit: number) => 'ok',
  save: async (_d: unknown) => 'ok',
};
const guarded = guardPort(port, {
  get: [arg('code', str(64))],
  many: [arg('codes', list(str(64), 2)), arg('limit', int(1, 10))],
  save: [arg('state', json(20))],
});

test('a refused call names the argument, an item, or the nested field', async () => {
  await expect(guarded.get({ $ne: '' } as never)).rejects.toThrow(
    new StoreInputError('code must be a string (got object)'),
  );
  await expect(guarded.get('')).rejects.toThrow('code must be 1–64 characters long');
  await expect(guarded.many(['a', 3 as never], 1)).rejects.toThrow('codes[1] must be a string (got number)');
  await expect(guarded.many(['a', 'b', 'c'], 1)).rejects.toThrow('codes must have at most 2 items');
  await expect(guarded.many([], 11)).rejects.toThrow('limit must be between 1 and 10');
  await expect(guarded.many([], 1.5)).rejects.toThrow('limit must be an integer (got number)');
  await expect(guarded.save({ big: 'x'.repeat(30) })).rejects.toThrow('state is too large');
  await expect(guarded.save(undefined)).rejects.toThrow('state must be JSON-serialisable');
  expect(await guarded.get('000.00.15.H12-251118-0007')).toBe('ok');
});

test('an entity schema refuses a bad nested field by its name', async () => {
  const checked = guardPort(
    { upsert: async (_d: unknown) => undefined },
    { upsert: [arg('dossier', dossierSchema)] },
  );
  const now = new Date();
  const dossier = {
    ...{ code: 'c', procedureId: 'p', applicantName: 'a', phone: null, reason: null, note: null },
    ...{ receivedAt: now, dueAt: now, updatedAt: now, status: 'received' },
    history: [{ status: 'lost', at: now, note: null }],
  };
  await expect(checked.upsert(dossier)).rejects.toThrow(/^status must be one of received, processing, /);
  await expect(checked.upsert({ ...dossier, history: [] })).resolves.toBeUndefined();
});
