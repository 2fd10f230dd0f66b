import mongoose, { Schema, type Connection } from 'mongoose';
import { ASPECTS, INTENTS } from '../../core/labels';
import type { AnalyticsEvent, AnalyticsStore } from '../ports';
import { communeFilter } from './commune-filter';
import { SCHEMA_OPTIONS } from './schema-options';

const schema = new Schema<AnalyticsEvent>(
  {
    type: {
      type: String,
      enum: ['message', 'answer', 'not_understood', 'lookup', 'handoff', 'complaint'],
      required: true,
    },
    channel: { type: String, required: true },
    intent: { type: String, enum: [...INTENTS, null], default: null },
    procedure: { type: String, default: null },
    aspect: { type: String, enum: [...ASPECTS, null], default: null },
    at: { type: Date, required: true },
    commune: { type: String, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'analytics' },
);
schema.index({ at: 1 });

export function mongoAnalytics(conn: Connection): AnalyticsStore {
  const Events = conn.model('AnalyticsEvent', schema);
  return {
    record: async (e) => {
      await Events.create({
        type: e.type,
        channel: e.channel,
        intent: e.intent,
        procedure: e.procedure,
        aspect: e.aspect,
        at: e.at,
        commune: e.commune ?? null,
      });
    },
    between: async (from, to, communes) =>
      (
        await Events.find({ at: mongoose.trusted({ $gte: from, $lt: to }), ...communeFilter(communes) })
          .sort({ at: 1, _id: 1 })
          .lean<AnalyticsEvent[]>()
      ).map((d): AnalyticsEvent => ({
        type: d.type,
        channel: d.channel,
        intent: d.intent ?? null,
        procedure: d.procedure ?? null,
        aspect: d.aspect ?? null,
        at: d.at,
        commune: d.commune ?? null,
      })),
  };
}
