// The province dashboard: one row per commune over a range of days, so the province office can compare
// them (messages, the share the bot answered, hand-offs and how long citizens waited for a person, dossier
// lookups, dossiers overdue today). Records written before communes existed count for the default commune.
import type { AnalyticsEvent, Handoff } from '../../store/ports';

export interface CommuneFigures {
  commune: string;
  name: string;
  messages: number;
  answered: number;
  /** answered / messages, rounded to a whole percent; null without messages. */
  answeredPercent: number | null;
  handoffs: number;
  /** Of the hand-offs opened in the range, how long those taken waited for a person. */
  averageWaitMinutes: number | null;
  longestWaitMinutes: number | null;
  /** Hand-offs opened in the range still waiting for a person. */
  stillWaiting: number;
  lookups: number;
  overdueDossiers: number;
}

type Located = { commune?: string | null };

const minutes = (ms: number) => Math.round(ms / 60_000);

export function compareCommunes(
  communes: ReadonlyArray<{ id: string; name: string }>,
  defaultCommune: string,
  events: ReadonlyArray<Pick<AnalyticsEvent, 'type'> & Located>,
  handoffs: ReadonlyArray<Pick<Handoff, 'state' | 'openedAt' | 'takenAt'> & Located>,
  overdue: ReadonlyMap<string, number>,
): CommuneFigures[] {
  const byCommune = <T extends Located>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const id = r.commune ?? defaultCommune;
      const list = m.get(id);
      if (list) list.push(r);
      else m.set(id, [r]);
    }
    return m;
  };
  const eventsOf = byCommune(events);
  const handoffsOf = byCommune(handoffs);
  return communes.map(({ id, name }) => {
    const mine = eventsOf.get(id) ?? [];
    const opened = handoffsOf.get(id) ?? [];
    const answered = mine.filter((e) => e.type !== 'not_understood').length;
    const waits = opened.flatMap((h) => (h.takenAt ? [h.takenAt.getTime() - h.openedAt.getTime()] : []));
    return {
      commune: id,
      name,
      messages: mine.length,
      answered,
      answeredPercent: mine.length ? Math.round((100 * answered) / mine.length) : null,
      handoffs: opened.length,
      averageWaitMinutes: waits.length ? minutes(waits.reduce((a, b) => a + b, 0) / waits.length) : null,
      longestWaitMinutes: waits.length ? minutes(Math.max(...waits)) : null,
      stillWaiting: opened.filter((h) => h.state === 'waiting').length,
      lookups: mine.filter((e) => e.type === 'lookup').length,
      overdueDossiers: overdue.get(id) ?? 0,
    };
  });
}
