import { scoreDialogues, type Understood } from '../../src/eval/dialogues';
import { scoreFacts } from '../../src/eval/facts';

describe('dialogue scoring', () => {
  it('scores turn by turn, in order, per conversation', async () => {
    const seen: string[] = [];
    const answers: Record<string, Understood> = {
      'khai sinh cần gì': { intent: 'procedure', procedure: 'khai-sinh', aspect: 'documents' },
      'mất bao lâu': { intent: 'procedure', procedure: 'khai-sinh', aspect: 'time' },
      'phí bao nhiêu': { intent: 'ask_human', procedure: null, aspect: null },
    };
    const r = await scoreDialogues(
      [
        {
          id: 'a',
          turns: [
            { text: 'khai sinh cần gì', intent: 'procedure', procedure: 'khai-sinh', aspect: 'documents' },
            { text: 'mất bao lâu', intent: 'procedure', procedure: 'khai-sinh', aspect: 'time' },
          ],
        },
        {
          id: 'b',
          turns: [
            { text: 'khai sinh cần gì', intent: 'procedure', procedure: 'khai-sinh', aspect: 'documents' },
            { text: 'phí bao nhiêu', intent: 'procedure', procedure: 'khai-sinh', aspect: 'fee' },
          ],
        },
      ],
      async (conversation, text) => {
        seen.push(`${conversation}:${text}`);
        const answer = answers[text];
        if (!answer) throw new Error(`no answer for ${text}`);
        return answer;
      },
    );
    expect(seen).toEqual(['a:khai sinh cần gì', 'a:mất bao lâu', 'b:khai sinh cần gì', 'b:phí bao nhiêu']);
    expect(r).toMatchObject({
      dialogues: 2,
      turns: 4,
      turnAccuracy: 0.75,
      followUpAccuracy: 0.5,
      dialogueAccuracy: 0.5,
    });
    expect(r.errors).toEqual([
      {
        id: 'b',
        turn: 2,
        text: 'phí bao nhiêu',
        expected: 'procedure/khai-sinh/fee',
        predicted: 'ask_human',
      },
    ]);
  });
});

describe('fact scoring', () => {
  it('finds an expected string in the reply, folded and lower case', async () => {
    const r = await scoreFacts(
      [
        {
          id: 'f1',
          question: 'lệ phí khai sinh',
          procedure: 'khai-sinh',
          expect_any: ['Miễn phí', 'không mất phí'],
        },
        { id: 'f2', question: 'kết hôn mất bao lâu', procedure: 'ket-hon', expect_any: ['ngay trong ngày'] },
      ],
      async (_, q) =>
        q.startsWith('lệ phí')
          ? ['Dạ, đăng ký khai sinh đúng hạn MIỄN PHÍ ạ.']
          : ['Dạ, em xin lỗi, em chưa rõ ạ.'],
    );
    expect(r.n).toBe(2);
    expect(r.accuracy).toBe(0.5);
    expect(r.misses.map((m) => m.id)).toEqual(['f2']);
  });
});
