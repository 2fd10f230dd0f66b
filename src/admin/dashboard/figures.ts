// The dashboard's figures for a range of days: messages per day per channel, answered vs not understood,
// top procedures and aspects, hand-offs and how long citizens waited for a person, dossier lookups.
import type { AnalyticsEvent, Handoff } from '../../store/ports';
import { dayOf } from './days';

const TOP = 10;

export interface Figures {
  days: string[];
  messages: Array<{ day: string; channel: string; count: number }>;
  outcomes: Array<{ day: string; answered: number; notUnderstood: number }>;
  procedures: Array<{ procedure: string; name: string; count: number }>;
  aspects: Array<{ aspect: string; count: number }>;
  handoffs: Array<{
    day: string;
    opened: number;
    taken: number;
    averageWaitMinutes: number | null;
    longestWaitMinutes: number | null;
  }>;
  lookups: Array<{ day: string; count: number }>;
}

function count<K>(items: Iterable<K>): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of items) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

const ranked = <K>(m: Map<K, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP);
const minutes = (ms: number) => Math.round(ms / 60_000);

export function figures(
  days: readonly string[],
  events: readonly AnalyticsEvent[],
  handoffs: readonly Handoff[],
  names: ReadonlyMap<string, string>,
): Figures {
  const byDay = new Map(days.map((d) => [d, [] as AnalyticsEvent[]]));
  for (const e of events) byDay.get(dayOf(e.at))?.push(e);
  const channels = [...new Set(events.map((e) => e.channel))].sort();
  const answers = events.filter((e) => e.type === 'answer');
  return {
    days: [...days],
    messages: days.flatMap((day) => {
      const perChannel = count((byDay.get(day) ?? []).map((e) => e.channel));
      return channels.map((channel) => ({ day, channel, count: perChannel.get(channel) ?? 0 }));
    }),
    outcomes: days.map((day) => {
      const list = byDay.get(day) ?? [];
      const notUnderstood = list.filter((e) => e.type === 'not_understood').length;
      return { day, answered: list.length - notUnderstood, notUnderstood };
    }),
    procedures: ranked(count(answers.flatMap((e) => (e.procedure ? [e.procedure] : [])))).map(
      ([procedure, n]) => ({
        procedure,
        name: names.get(procedure) ?? procedure,
        count: n,
      }),
    ),
    aspects: ranked(count(answers.flatMap((e) => (e.aspect ? [e.aspect] : [])))).map(([aspect, n]) => ({
      aspect,
      count: n,
    })),
    handoffs: days.map((day) => {
      const opened = handoffs.filter((h) => dayOf(h.openedAt) === day);
      const waits = opened.flatMap((h) => (h.takenAt ? [h.takenAt.getTime() - h.openedAt.getTime()] : []));
      return {
        day,
        opened: opened.length,
        taken: waits.length,
        averageWaitMinutes: waits.length ? minutes(waits.reduce((a, b) => a + b, 0) / waits.length) : null,
        longestWaitMinutes: waits.length ? minutes(Math.max(...waits)) : null,
      };
    }),
    lookups: days.map((day) => ({
      day,
      count: (byDay.get(day) ?? []).filter((e) => e.type === 'lookup').length,
    })),
  };
}
