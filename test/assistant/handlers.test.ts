// Plan handlers carry out a decision through the ports alone: fake ports show what each one does.
import path from 'node:path';
import { carryOut, type TurnContext, type TurnPorts } from '../../src/assistant/handlers';
import type { Decision, Plan } from '../../src/dialogue/decide';
import { INITIAL_STATE, type DialogueState } from '../../src/dialogue/state';
import { forCommune } from '../../src/kb/for-commune';
import type { KnowledgeBase } from '../../src/kb/knowledge-base';
import { loadKnowledge } from '../../src/kb/load';
import type { Dossier } from '../../src/store/ports';

const kb = loadKnowledge(path.resolve(__dirname, '..', '..', 'knowledge')).kb!;
const CODE = '000.00.15.H12-251118-0007';
const NOW = new Date('2026-12-03T03:00:00Z');

function ports(over: Partial<TurnPorts> = {}): TurnPorts & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    lookupAllowed: async () => (calls.push('lookupAllowed'), true),
    findDossier: async (code) => (calls.push(`find ${code}`), null),
    subscribe: async (code) => void calls.push(`subscribe ${code}`),
    fileComplaint: async (text) => (calls.push(`complaint ${text}`), 'KN-1'),
    openHandoff: async (reason) => (calls.push(`handoff ${reason}`), true),
    ...over,
  };
}

function run(plan: Plan, p: TurnPorts, state: Partial<DialogueState> = {}, view: KnowledgeBase = kb) {
  const s = { ...INITIAL_STATE, lastAt: NOW.toISOString(), ...state };
  const decision: Decision = { plan, intent: 'procedure', procedure: null, aspect: null, code: null };
  const t: TurnContext = {
    decision,
    state: s,
    base: { ...s, offered: [] },
    kb: view,
    names: new Map([...kb.procedures].map(([id, x]) => [id, x.name])),
    msg: { channel: 'web', userId: 'u', messageId: 'm', kind: 'text', text: 'hồ sơ chậm quá', sentAt: NOW },
    now: NOW,
    today: '2026-12-03',
    ports: p,
  };
  return carryOut(plan, t);
}

const text = (o: { draft: { lines: string[] } }) => o.draft.lines.join('\n');

describe('status handlers', () => {
  it('notify without a code asks for one and subscribes nothing; with one, subscribes it', async () => {
    const p = ports();
    expect(text(await run({ kind: 'notify' }, p))).toContain('nhắn mã hồ sơ');
    expect(p.calls).toEqual([]);
    expect(text(await run({ kind: 'notify' }, p, { lastCode: CODE }))).toContain(CODE);
    expect(p.calls).toEqual([`subscribe ${CODE}`]);
  });

  it('a lookup over the limits searches nothing', async () => {
    const p = ports({ lookupAllowed: async () => false });
    const o = await run({ kind: 'lookup', code: CODE }, p);
    expect(text(o)).toContain('tạm dừng tra cứu');
    expect(o.next.lastCode).toBeNull();
    expect(p.calls).toEqual([]);
  });

  it('an unavailable remote keeps the code without a failure; an unknown code is one', async () => {
    const down = await run({ kind: 'lookup', code: CODE }, ports({ findDossier: async () => 'unavailable' }));
    expect(text(down)).toContain('tạm gián đoạn');
    expect(down.next).toMatchObject({ lastCode: CODE, failures: 0 });
    const unknown = await run({ kind: 'lookup', code: CODE }, ports(), { failures: 1 });
    expect(text(unknown)).toContain('chưa tìm thấy hồ sơ');
    expect(unknown.next).toMatchObject({ lastCode: CODE, failures: 2 });
  });

  it('a found dossier past its day apologises (the dossiers rule decides)', async () => {
    const late: Dossier = {
      code: CODE,
      procedureId: 'khai-sinh',
      applicantName: 'Nguyễn Văn An',
      phone: null,
      receivedAt: new Date('2026-11-18T02:00:00Z'),
      dueAt: new Date('2026-11-20T02:00:00Z'),
      status: 'processing',
      reason: null,
      note: null,
      history: [],
      updatedAt: NOW,
    };
    const o = await run({ kind: 'lookup', code: CODE }, ports({ findDossier: async () => late }));
    expect(text(o)).toContain('Nguyễn V*** A');
    expect(text(o)).toContain('quá ngày hẹn');
  });
});

describe('a receipt code of another commune', () => {
  const home = kb.communes.get('hoa-an')!;
  const here = forCommune(kb, 'suoi-may');
  const code = `${home.agency_code}-251118-0007`;

  it('is answered from the commune that received it, and the reply says whose it is', async () => {
    const p = ports();
    const missing = text(await run({ kind: 'lookup', code }, p, {}, here));
    expect(p.calls).toEqual(['lookupAllowed', `find ${code}`]);
    expect(missing).toContain(
      `là mã hồ sơ của ${home.centre_name}, không phải của ${here.commune.commune_name}`,
    );
    expect(missing).toContain(home.hotline);
    expect(missing).not.toContain(here.commune.hotline);
  });

  it("in its own commune's chat it is just a code", async () => {
    const own = text(await run({ kind: 'lookup', code }, ports(), {}, forCommune(kb, 'hoa-an')));
    expect(own).not.toContain('là mã hồ sơ của');
    expect(own).toContain(home.hotline);
  });
});

describe('requests for staff', () => {
  it('a refused hand-off says so; a complaint is filed with the message', async () => {
    const refused = ports({ openHandoff: async () => false });
    expect(text(await run({ kind: 'handoff' }, refused))).toContain('đã nhận nhiều yêu cầu gặp cán bộ');
    const p = ports();
    expect(text(await run({ kind: 'complaint' }, p))).toContain('KN-1');
    expect(p.calls).toEqual(['complaint hồ sơ chậm quá']);
  });
});

describe('the conversation state', () => {
  it('a "which one?" remembers what it offered; any other plan forgets it', async () => {
    const which = await run({ kind: 'which', procedures: ['khai-sinh', 'ket-hon'], aspect: 'fee' }, ports());
    expect(which.next).toMatchObject({ offered: ['khai-sinh', 'ket-hon'], aspect: 'fee' });
    const after = await run({ kind: 'office' }, ports(), { offered: ['khai-sinh'], failures: 1 });
    expect(after.next).toMatchObject({ offered: [], failures: 0 });
  });

  it('what the bot cannot answer counts a failure in a row', async () => {
    const o = await run({ kind: 'not_understood' }, ports(), { failures: 1 });
    expect(o.next.failures).toBe(2);
    expect(o.draft.tone).toBe('apology');
  });
});
