// @ts-check
// Chat bubbles as the citizen sees them (text with its line breaks, then the quick-reply options).
import { h } from '../dom.js';

export function replyBubbles(replies) {
  return h(
    'div',
    { class: 'bubbles' },
    replies.map((r) =>
      h(
        'div',
        { class: 'bubble' },
        r.text,
        r.options && r.options.length
          ? h(
              'div',
              { class: 'options' },
              r.options.map((o) => h('span', { text: o })),
            )
          : null,
      ),
    ),
  );
}
