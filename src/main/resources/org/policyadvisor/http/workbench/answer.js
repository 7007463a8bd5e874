// What follows: the consequences with their explanations, marked against the baseline.

import {S} from './state.js';
import {$, h, clear} from './dom.js';
import {words, argsText, factText, fmt, key, matches} from './words.js';
import {renderGraph} from './graph.js';
import {renderWhyNotTypes} from './whynot.js';
import {openQuote, renderSource} from './source.js';

export function nodeIndex(answer) {
  const nodes = new Map();
  answer.given.forEach((g) => nodes.set(g.id, Object.assign({given: true}, g)));
  answer.consequences.forEach((c) => nodes.set(c.id, c));
  return nodes;
}

export function renderAnswer() {
  const a = S.answer;
  const nodes = nodeIndex(a);
  S.fired = new Set();
  a.consequences.forEach((c) => (c.derivations || []).forEach((d) => S.fired.add(d.rule)));
  const diff = a.diff || null;
  const added = new Set(diff ? diff.added.map((c) => key(c.type, c.fields)) : []);
  const changedMap = new Map(diff ? diff.changed.map((c) => [key(c.type, c.fields), c]) : []);
  const contested = new Map();
  (a.contested || []).forEach((p) => {
    contested.set(p.one, p.other);
    contested.set(p.other, p.one);
  });
  const list = clear($('consequences'));
  const count = a.consequences.length;
  let summary = count + (count === 1 ? ' consequence follows' : ' consequences follow') + ' from ' + a.given.length
    + (a.given.length === 1 ? ' given fact' : ' given facts') + ' (' + a.firings + ' rule firings, revision ' + a.revision + ').';
  if (diff) {
    summary += ' Against the baseline ' + (S.scenario.baseline || diff.baseline) + ': ' + diff.added.length + ' added, '
      + diff.removed.length + ' removed, ' + diff.changed.length + ' changed.';
  }
  if (contested.size) {
    summary += ' ' + (contested.size / 2) + ' contested ' + (contested.size === 2 ? 'pair' : 'pairs') + '.';
  }
  const status = $('answer-status');
  status.className = '';
  status.textContent = summary;
  $('answer-legend').hidden = !(diff || contested.size);
  if (!count) {
    list.appendChild(h('li', {class: 'empty', text: a.given.length ? 'Nothing follows from these facts.' : 'No facts are switched on.'}));
  }
  for (const c of a.consequences) {
    const k = key(c.type, c.fields);
    const marks = [];
    let changeText = null;
    if (added.has(k)) {
      marks.push(h('span', {class: 'mark added', text: 'added'}));
    }
    if (changedMap.has(k)) {
      const ch = changedMap.get(k);
      marks.push(h('span', {class: 'mark changed', text: 'changed'}));
      changeText = 'likelihood ' + fmt(ch.before) + ' → ' + fmt(ch.after);
    }
    if (contested.has(c.id)) {
      const other = nodes.get(contested.get(c.id));
      marks.push(h('span', {
        class: 'mark contested', text: 'contested',
        title: other ? 'contested by ' + factText(other.type, other.fields) : 'contested'
      }));
    }
    const isTarget = S.target && matches(S.target, c.type, c.fields);
    const classes = ['consequence'];
    if (added.has(k)) {
      classes.push('added');
    }
    if (changedMap.has(k)) {
      classes.push('changed');
    }
    if (contested.has(c.id)) {
      classes.push('contested');
    }
    if (isTarget) {
      classes.push('target');
    }
    const details = h('details', {id: 'consequence-' + c.id});
    const summaryEl = h('summary', null,
      h('span', {class: 'marks'}, marks),
      h('span', {class: 'title'}, h('strong', {text: words(c.type)}), ' ', h('span', {class: 'args', text: argsText(c.type, c.fields)})),
      bar(c.likelihood),
      h('span', {class: 'sources', text: (c.sources || []).join(', ')}));
    details.appendChild(summaryEl);
    const body = h('div', {class: 'explanation'});
    if (changeText) {
      body.appendChild(h('p', {class: 'change', text: 'Against the baseline: ' + changeText + '.'}));
    }
    if (contested.has(c.id)) {
      const other = nodes.get(contested.get(c.id));
      body.appendChild(h('p', {class: 'contest'}, 'Contested: the sources disagree; the opposite ',
        h('a', {href: '#consequence-' + contested.get(c.id), text: other ? factText(other.type, other.fields) : contested.get(c.id)}),
        ' follows too.'));
    }
    body.appendChild(explain(c, (p) => nodes.get(p), 0, new Set(), {budget: 300}));
    details.appendChild(body);
    list.appendChild(h('li', {class: classes.join(' '), 'data-type': c.type, 'data-fields': JSON.stringify(c.fields), 'data-id': c.id}, details));
    if (isTarget) {
      details.open = true;
    }
  }
  const removedSection = $('removed-section');
  const removed = clear($('removed'));
  removedSection.hidden = !(diff && diff.removed.length);
  if (diff) {
    for (const c of diff.removed) {
      const details = h('details', null,
        h('summary', null, h('span', {class: 'marks'}, h('span', {class: 'mark removed', text: 'removed'})),
          h('span', {class: 'title'}, h('strong', {text: words(c.type)}), ' ', h('span', {class: 'args', text: argsText(c.type, c.fields)})),
          bar(c.likelihood)),
        h('div', {class: 'explanation'}, h('p', {class: 'doc', text: 'In the baseline, it followed like this:'}),
          explain(c, (p) => p, 0, new Set(), {budget: 300})));
      removed.appendChild(h('li', {class: 'consequence removed', 'data-type': c.type, 'data-fields': JSON.stringify(c.fields)}, details));
    }
  }
  renderGraph(a, added);
  renderWhyNotTypes();
  if (S.view === 'article' && S.source) {
    renderSource();
  }
  if (S.target) {
    const target = list.querySelector('li.target summary');
    if (target) {
      target.scrollIntoView({block: 'center'});
      target.focus();
    }
  }
}

function bar(likelihood) {
  const fill = h('span', {class: 'fill'});
  fill.style.setProperty('width', Math.round((likelihood || 0) * 100) + '%');
  return h('span', {class: 'likelihood'},
    h('span', {
      class: 'bar', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 1, 'aria-valuenow': likelihood,
      'aria-label': 'likelihood ' + fmt(likelihood)
    }, fill),
    h('span', {class: 'num', 'aria-hidden': 'true', text: fmt(likelihood)}));
}

/**
 * A node's explanation: each derivation with its rule, the quoted sentence and its source, the premises down to
 * the givens, and the absences it relied on. `resolve` turns a premise (an id, or a node written in full) into a
 * node.
 */
export function explain(node, resolve, depth, seen, budget) {
  const box = h('div', {class: 'derivations'});
  if (node.given) {
    box.appendChild(h('p', {class: 'given', text: 'Given.'}));
    return box;
  }
  const derivations = node.derivations || [];
  if (!derivations.length) {
    box.appendChild(h('p', {class: 'doc', text: 'No explanation in this answer.'}));
    return box;
  }
  seen = new Set(seen);
  seen.add(node.id);
  for (const d of derivations) {
    const rule = S.rules.get(d.rule) || (S.answer && S.answer.rules && S.answer.rules[d.rule]) || {};
    const quote = d.quote || rule.quote || '';
    const source = d.source || rule.source || '';
    const hedge = d.hedge || rule.hedge || '';
    const el = h('div', {class: 'derivation', 'data-rule': d.rule});
    el.appendChild(h('p', {class: 'by'}, 'By ', h('strong', {text: rule.name || d.rule}), ' ',
      h('code', {text: d.rule}), ' · ', h('span', {class: 'hedge', text: hedge}),
      ' · likelihood ' + fmt(d.likelihood) + (d.weight !== undefined ? ' · weight ' + fmt(d.weight) : '')));
    if (quote) {
      el.appendChild(h('blockquote', {class: 'quote'}, h('p', {text: '“' + quote + '”'}),
        h('footer', null, '— ', source ? h('a', {
          href: '#view=article&source=' + encodeURIComponent(source),
          'data-source': source, 'data-rule': d.rule, text: source,
          onclick: (e) => {
            e.preventDefault();
            openQuote(source, d.rule);
          }
        }) : 'no source')));
    }
    const premises = (d.premises || []).map(resolve).filter(Boolean);
    if (premises.length) {
      const ul = h('ul', {class: 'premises', 'aria-label': 'Premises'});
      for (const p of premises) {
        const text = factText(p.type, p.fields);
        if (p.given) {
          ul.appendChild(h('li', {class: 'premise given'}, h('span', {class: 'mark given', text: 'given'}), ' ', text));
        } else if (seen.has(p.id) || budget.budget <= 0) {
          ul.appendChild(h('li', {class: 'premise'}, text + ' (' + fmt(p.likelihood) + ', explained above)'));
        } else {
          budget.budget -= 1;
          const inner = h('details', {open: true}, h('summary', null, text + ' — ' + fmt(p.likelihood)),
            explain(p, resolve, depth + 1, seen, budget));
          ul.appendChild(h('li', {class: 'premise'}, inner));
        }
      }
      el.appendChild(h('p', {class: 'label', text: 'Needs:'}));
      el.appendChild(ul);
    }
    if (d.absent && d.absent.length) {
      el.appendChild(h('p', {class: 'label', text: 'Relied on the absence of:'}));
      el.appendChild(h('ul', {class: 'absent'}, d.absent.map((x) => h('li', null, h('code', {text: x})))));
    }
    box.appendChild(el);
  }
  return box;
}
