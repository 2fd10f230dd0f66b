// The hand-off queue, paged, with the citizens staff can actually answer first: a conversation on a
// messaging channel has a person behind a real account and a channel to reply on; an anonymous web session
// may be one of a thousand scripted ones. Within each group, oldest first.
import type { ChannelName } from '../../core/message';
import type { Handoff, HandoffFilter, HandoffStore } from '../../store/ports';

const THE_REST: ChannelName[] = ['web', 'cli', 'botkit'];

export interface QueuePage {
  handoffs: Handoff[];
  total: number;
}

export async function queuePage(
  store: HandoffStore,
  filter: Omit<HandoffFilter, 'channels'>,
  offset: number,
  limit: number,
  /** The build's messaging channels (their hand-offs come first). */
  replyFirst: readonly ChannelName[],
): Promise<QueuePage> {
  const first = { ...filter, channels: [...replyFirst] };
  const rest = { ...filter, channels: THE_REST };
  const [inFirst, inRest] = await Promise.all([store.count(first), store.count(rest)]);
  const head = offset < inFirst ? await store.list(first, limit, offset) : [];
  const tail =
    head.length < limit ? await store.list(rest, limit - head.length, Math.max(0, offset - inFirst)) : [];
  return { handoffs: [...head, ...tail], total: inFirst + inRest };
}
