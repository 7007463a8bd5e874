// The sources: each text with the quotes of the rules highlighted, and the sentences not encoded.

import {S} from './state.js';
import {$, h, clear, withCode} from './dom.js';
import {api, problemText} from './api.js';
import {fmt} from './words.js';
import {writeUrl} from './url.js';
import {showView} from './views.js';

export function renderSourceChoices() {
  const select = $('source-select');
  clear(select);
  for (const s of S.sources) {
    const title = s.header.title ? ' — ' + s.header.title : '';
    const label = s.id + (s.kept ? '' : ' (text not kept)') + title;
    select.appendChild(h('option', {value: s.id, text: label.length > 110 ? label.slice(0, 109) + '…' : label}));
  }
  if (S.sourceId) {
    select.value = S.sourceId;
  }
}

export async function showSource(id, rule) {
  if (!id) {
    return;
  }
  S.sourceId = id;
  $('source-select').value = id;
  writeUrl();
  if (!S.source || S.source.id !== id || S.source.revision !== S.revision) {
    try {
      S.source = await api('/v1/sources/' + encodeURIComponent(id));
    } catch (e) {
      clear($('source-text')).appendChild(h('p', {class: 'error', text: 'Could not read the source: ' + problemText(e)}));
      return;
    }
  }
  renderSource();
  if (rule) {
    const mark = [...$('source-text').querySelectorAll('mark.q')].find((m) => m.getAttribute('data-rules').split(' ').includes(rule));
    if (mark) {
      mark.scrollIntoView({block: 'center'});
      mark.focus();
      showQuote(mark.getAttribute('data-rules').split(' '));
    }
  }
}

export function openQuote(source, rule) {
  S.sourceId = source;
  showView('article', false, rule);
}

export function renderSource() {
  const doc = S.source;
  const header = clear($('source-header'));
  const hd = doc.header || {};
  header.appendChild(h('h3', {text: hd.title || doc.id}));
  const meta = [['publisher', hd.publisher], ['author', hd.author], ['date', hd.date], ['grade', hd.grade],
    ['text', hd.text], ['address', hd.url]].filter(([, v]) => v);
  if (meta.length) {
    header.appendChild(h('dl', {class: 'meta'}, meta.map(([k, v]) => [h('dt', {text: k}), h('dd', {text: v})])));
  }
  const rules = new Map(doc.rules.map((r) => [r.id, r]));
  S.sourceRules = rules;
  const text = clear($('source-text'));
  if (!doc.kept) {
    text.appendChild(h('p', {class: 'doc', text: 'The text of this source is not kept with the rules; only its quotes are known (below).'}));
  }
  const quotes = doc.quotes;
  const notEncoded = doc.notEncoded.map((n, i) => Object.assign({index: i}, n)).filter((n) => n.start !== undefined);
  let offset = 0;
  for (const para of doc.text.split('\n')) {
    const start = offset;
    const end = offset + para.length;
    offset = end + 1;
    if (!para.trim()) {
      continue;
    }
    const p = h('p');
    const cuts = new Set([start, end]);
    quotes.concat(notEncoded).forEach((q) => {
      if (q.end > start && q.start < end) {
        cuts.add(Math.max(q.start, start));
        cuts.add(Math.min(q.end, end));
      }
    });
    const points = [...cuts].sort((x, y) => x - y);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const piece = doc.text.slice(a, b);
      const by = quotes.filter((q) => q.start <= a && q.end >= b).map((q) => q.rule);
      const ne = notEncoded.filter((q) => q.start <= a && q.end >= b);
      if (by.length) {
        const fired = by.some((r) => S.fired.has(r));
        const mark = h('mark', {
          class: fired ? 'q fired' : 'q', tabindex: 0, role: 'button', 'data-rules': by.join(' '),
          'aria-label': 'Quote of ' + by.join(', ') + (fired ? ' (fired)' : '') + ': ' + piece
        }, piece);
        mark.addEventListener('click', () => showQuote(by));
        mark.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            showQuote(by);
          }
        });
        p.appendChild(mark);
      } else if (ne.length) {
        const span = h('span', {
          class: 'ne', tabindex: 0, role: 'button', 'data-not-encoded': ne[0].index,
          'aria-label': 'Not encoded: ' + piece
        }, piece);
        span.addEventListener('click', () => showNotEncoded(ne[0]));
        span.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            showNotEncoded(ne[0]);
          }
        });
        p.appendChild(span);
      } else {
        p.appendChild(document.createTextNode(piece));
      }
    }
    text.appendChild(p);
  }
  const list = clear($('source-rules'));
  for (const r of doc.rules) {
    const fired = S.fired.has(r.id);
    const placed = quotes.some((q) => q.rule === r.id);
    list.appendChild(h('li', {class: fired ? 'fired' : ''},
      h('button', {
        type: 'button', class: 'link', 'data-rule': r.id, text: r.id,
        onclick: () => {
          const mark = [...text.querySelectorAll('mark.q')].find((m) => m.getAttribute('data-rules').split(' ').includes(r.id));
          if (mark) {
            mark.scrollIntoView({block: 'center'});
            mark.focus();
          }
          showQuote([r.id]);
        }
      }), ' — ' + r.name + ' (' + r.hedge + ')', fired ? h('span', {class: 'mark fired', text: 'fired'}) : null,
      placed ? null : h('span', {class: 'mark removed', text: 'quote not found in the text'})));
  }
  if (!doc.rules.length) {
    list.appendChild(h('li', {class: 'empty', text: 'No rule quotes this source.'}));
  }
  const ne = clear($('not-encoded'));
  doc.notEncoded.forEach((n) => ne.appendChild(h('li', null, h('span', {class: 'para', text: n.paragraph}), ' ',
    h('q', {text: n.sentence}), h('p', {class: 'reason'}, withCode(n.reason)))));
  if (!doc.notEncoded.length) {
    ne.appendChild(h('li', {class: 'empty', text: 'CLAIMS.md lists no sentence of this source as not encoded (or there is no CLAIMS.md).'}));
  }
  clear($('quote-detail')).appendChild(h('p', {class: 'doc', text: 'Select a highlighted quote to see its rule.'}));
}

function showQuote(ids) {
  const box = clear($('quote-detail'));
  for (const id of ids) {
    const r = (S.sourceRules && S.sourceRules.get(id)) || S.rules.get(id);
    if (!r) {
      continue;
    }
    const fired = S.fired.has(id);
    box.appendChild(h('div', {class: 'rule-card', 'data-rule': id},
      h('h4', null, r.name, fired ? h('span', {class: 'mark fired', text: 'fired'}) : null),
      h('dl', {class: 'meta'},
        h('dt', {text: 'id'}), h('dd', null, h('code', {text: r.id})),
        h('dt', {text: 'hedge'}), h('dd', {text: r.hedge + ' (' + fmt(r.likelihood) + ')'}),
        h('dt', {text: 'needs'}), h('dd', {text: r.needs.join(', ') || '—'}),
        r.absent.length ? [h('dt', {text: 'absent'}), h('dd', {text: r.absent.join('; ')})] : null,
        h('dt', {text: 'concludes'}), h('dd', {text: r.concludes.join(', ')}),
        h('dt', {text: 'written in'}), h('dd', null, h('code', {text: r.file + ':' + r.line})))));
  }
}

function showNotEncoded(n) {
  clear($('quote-detail')).appendChild(h('div', {class: 'rule-card'},
    h('h4', {text: 'Not encoded (' + n.paragraph + ')'}), h('p', null, withCode(n.reason))));
}
