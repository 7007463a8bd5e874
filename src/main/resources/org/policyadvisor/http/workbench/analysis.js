// The analysis view, over the scenario being built: what its answer rests on (POST /v1/sensitivity: each given
// withdrawn, each claim disabled, each source dropped, each hedge moved) and which of its facts the answer is
// robust to (POST /v1/sweep: every combination of the facts marked uncertain). Rendered with DOM APIs only: the
// answers carry analysts' text.

import {S} from './state.js';
import {$, h, clear} from './dom.js';
import {api, problemText} from './api.js';
import {words, argsText, factText, fmt, key, requestFact} from './words.js';
import {openQuote} from './source.js';

/** The most uncertain facts the service sweeps (2^12 combinations). */
const MAX_UNCERTAIN = 12;

const A = {
  sensitivityKey: '',   // the request (and revision) the sensitivity shown, or on its way, is for
  sensitivitySeq: 0,
  sweepSeq: 0,
  sweepKey: '',         // the scenario (and revision) of the sweep shown
  uncertain: new Set()  // keys of the facts marked uncertain
};

/** The facts switched on, as the analysis requests carry them, with the scenario's description. */
function scenarioBody() {
  const body = {facts: S.scenario.facts.filter((f) => !f.off).map(requestFact)};
  if (S.scenario.description) {
    body.description = S.scenario.description;
  }
  return body;
}

/** The view is shown (or the scenario or the rules changed while it is): bring both panels up to date. */
export function showAnalysis() {
  renderSweepFacts();
  const body = scenarioBody();
  const requestKey = S.revision + JSON.stringify(body);
  if (A.sweepKey && A.sweepKey !== requestKey) {
    A.sweepKey = '';
    A.sweepSeq++;
    clear($('sweep'));
    $('sweep-status').className = '';
    $('sweep-status').textContent = 'The scenario or the rules changed since the last sweep: sweep again to see it anew.';
  }
  if (requestKey !== A.sensitivityKey) {
    sensitivity(body, requestKey);
  }
}

export function setupAnalysis() {
  $('sensitivity-run').addEventListener('click', () => {
    const body = scenarioBody();
    sensitivity(body, S.revision + JSON.stringify(body));
  });
  $('sweep-form').addEventListener('submit', sweep);
}

// ---------------------------------------------------------------- what does it rest on?

async function sensitivity(body, requestKey) {
  const status = $('sensitivity-status');
  const box = $('sensitivity');
  const seq = ++A.sensitivitySeq;
  A.sensitivityKey = requestKey;
  status.className = '';
  if (!body.facts.length) {
    clear(box);
    status.textContent = 'No facts are switched on: add facts in the Scenario view, or start from a shipped scenario.';
    return;
  }
  box.setAttribute('aria-busy', 'true');
  status.textContent = 'Evaluating the scenario once per given, claim, source and hedge…';
  try {
    const report = await api('/v1/sensitivity', body);
    if (seq !== A.sensitivitySeq) {
      return;
    }
    renderSensitivity(report, clear(box));
    status.textContent = report.consequences.length + ' consequences of ' + report.given.length + ' given facts; '
      + report.evaluations + ' evaluations (revision ' + report.revision + ').'
      + (S.scenario.only ? ' All sources are used here: the source filter of the Scenario view does not apply.' : '')
      + (S.scenario.baseline ? ' The baseline plays no part.' : '');
  } catch (e) {
    if (seq !== A.sensitivitySeq) {
      return;
    }
    A.sensitivityKey = '';
    clear(box);
    status.className = 'error';
    status.textContent = 'The analysis failed: ' + problemText(e);
  } finally {
    if (seq === A.sensitivitySeq) {
      box.setAttribute('aria-busy', 'false');
    }
  }
}

function renderSensitivity(report, box) {
  const total = report.consequences.length;
  const given = new Map(report.given.map((g) => [g.id, g]));
  const givenText = (id) => (given.has(id) ? factText(given.get(id).type, given.get(id).fields) : id);
  const sourceTitle = (id) => {
    const s = S.sources.find((x) => x.id === id);
    return s && s.header.title ? s.header.title : '';
  };

  box.appendChild(ranking('sensitivity-givens', 'Givens, by how much of the answer rests on them', report.ranking.givens,
    total, (r) => [h('strong', {text: givenText(r.id)})]));
  box.appendChild(ranking('sensitivity-claims', 'Claims used, by how much of the answer rests on them', report.ranking.claims,
    total, (r) => [h('strong', {text: r.name || r.rule}), ' ', claimLink(r.rule)]));
  box.appendChild(ranking('sensitivity-sources', 'Sources used', report.ranking.sources, total,
    (r) => [h('code', {text: r.source}), sourceTitle(r.source) ? ' — ' + sourceTitle(r.source) : '']));

  const single = report.consequences.filter((c) => c.flags.length);
  const spread = report.consequences.filter((c) => !c.flags.length);
  const section = h('section', {'aria-labelledby': 'sensitivity-single-title'},
    h('h3', {id: 'sensitivity-single-title'}, 'Resting on a single given, claim or source ',
      h('span', {class: 'count', text: '(' + single.length + ' of ' + total + ')'})),
    h('p', {class: 'doc', text: 'Each of these goes when that one given is withdrawn, that one claim disabled or'
      + ' that one source dropped.'}));
  const list = h('ul', {id: 'sensitivity-single', class: 'dependences'});
  for (const c of single) {
    const parts = [];
    if (c.hangsOn.givens.length) {
      parts.push(h('li', null, h('span', {class: 'label', text: 'given: '}), c.hangsOn.givens.map(givenText).join(' or ')));
    }
    if (c.hangsOn.claims.length) {
      parts.push(h('li', null, h('span', {class: 'label', text: 'claim: '}),
        c.hangsOn.claims.map((r, i) => [i ? ' or ' : '', claimLink(r)])));
    }
    if (c.hangsOn.sources.length) {
      parts.push(h('li', null, h('span', {class: 'label', text: 'source: '}),
        c.hangsOn.sources.map((s, i) => [i ? ' or ' : '', h('code', {text: s})])));
    }
    list.appendChild(h('li', {class: 'dependence', 'data-id': c.id, 'data-type': c.type},
      h('p', {class: 'title'}, h('strong', {text: words(c.type)}), ' ', h('span', {class: 'args', text: argsText(c.type, c.fields)}),
        ' · likelihood ' + fmt(c.likelihood), ' ',
        c.flags.map((f) => [h('span', {class: 'mark single', text: f.replace(/-/g, ' ')}), ' '])),
      h('ul', {class: 'hangs-on', 'aria-label': 'Goes without'}, parts)));
  }
  if (!single.length) {
    list.appendChild(h('li', {class: 'empty', text: 'None: no consequence goes with a single given, claim or source.'}));
  }
  section.appendChild(list);
  box.appendChild(section);
  if (spread.length) {
    box.appendChild(h('details', {class: 'spread'},
      h('summary', {text: 'Resting on no single given, claim or source (' + spread.length + ')'}),
      h('ul', null, spread.map((c) => h('li', {text: factText(c.type, c.fields) + ' · likelihood ' + fmt(c.likelihood)})))));
  }
}

/**
 * One ranking: what removing each item removes, weakens and costs in likelihood, most first; the items whose removal
 * changes nothing are listed after it, folded.
 */
function ranking(id, title, ranks, total, name) {
  const section = h('section', {'aria-labelledby': id + '-title'}, h('h3', {id: id + '-title', text: title}));
  const list = h('ol', {id: id, class: 'ranking'});
  const bearing = ranks.filter((r) => r.removes || r.weakens || r.lost);
  const idle = ranks.filter((r) => !(r.removes || r.weakens || r.lost));
  for (const r of bearing) {
    const share = h('span', {class: 'fill'});
    share.style.setProperty('width', (total ? Math.round(r.removes / total * 100) : 0) + '%');
    list.appendChild(h('li', {'data-target': r.id || r.rule || r.source},
      h('span', {class: 'name'}, name(r)),
      h('span', {class: 'share', 'aria-hidden': 'true'}, share),
      h('span', {class: 'numbers', text: 'removes ' + r.removes + ' of ' + total + ' · weakens ' + r.weakens
        + ' · likelihood lost ' + fmt(r.lost)})));
  }
  if (!bearing.length) {
    list.appendChild(h('li', {class: 'empty', text: 'None: removing any one of them changes nothing.'}));
  }
  section.appendChild(list);
  if (idle.length) {
    section.appendChild(h('details', {class: 'idle'},
      h('summary', {text: idle.length + ' more whose removal alone changes nothing'}),
      h('ul', null, idle.map((r) => h('li', {'data-target': r.id || r.rule || r.source}, name(r))))));
  }
  return section;
}

/** A claim's id, opening its quote in the Sources view when the catalogue knows its source. */
function claimLink(id) {
  const rule = S.rules.get(id);
  if (!rule || !rule.source) {
    return h('code', {text: id});
  }
  return h('a', {
    href: '#view=article&source=' + encodeURIComponent(rule.source), 'data-rule': id,
    'aria-label': 'Quote of ' + id + ' in ' + rule.source,
    onclick: (e) => {
      e.preventDefault();
      openQuote(rule.source, id);
    }
  }, h('code', {text: id}));
}

// ---------------------------------------------------------------- which facts is it robust to?

function renderSweepFacts() {
  const box = clear($('sweep-facts'));
  const facts = S.scenario.facts.filter((f) => !f.off);
  const keys = new Set(facts.map((f) => key(f.type, f.fields)));
  A.uncertain.forEach((k) => {
    if (!keys.has(k)) {
      A.uncertain.delete(k);
    }
  });
  if (!facts.length) {
    box.appendChild(h('p', {class: 'doc', text: 'No facts are switched on.'}));
  }
  facts.forEach((f, i) => {
    const k = key(f.type, f.fields);
    const input = h('input', {type: 'checkbox', id: 'uncertain-' + i});
    input.checked = A.uncertain.has(k);
    input.addEventListener('change', () => {
      if (input.checked) {
        A.uncertain.add(k);
      } else {
        A.uncertain.delete(k);
      }
      sweepReady();
    });
    box.appendChild(h('div', {class: 'field check'}, input,
      h('label', {for: 'uncertain-' + i}, h('strong', {text: words(f.type)}), ' ', argsText(f.type, f.fields))));
  });
  sweepReady();
}

function sweepReady() {
  const n = A.uncertain.size;
  $('sweep-run').disabled = n === 0 || n > MAX_UNCERTAIN;
  $('sweep-count').textContent = n > MAX_UNCERTAIN
    ? n + ' marked: at most ' + MAX_UNCERTAIN + ' can be swept here.'
    : n ? n + ' marked: ' + (2 ** n) + ' combinations.' : 'Mark at least one fact.';
}

async function sweep(event) {
  event.preventDefault();
  const body = scenarioBody();
  const uncertain = S.scenario.facts.filter((f) => !f.off && A.uncertain.has(key(f.type, f.fields)));
  if (!uncertain.length || uncertain.length > MAX_UNCERTAIN) {
    return;
  }
  body.vary = uncertain.map(requestFact);
  const status = $('sweep-status');
  const box = clear($('sweep'));
  const seq = ++A.sweepSeq;
  A.sweepKey = S.revision + JSON.stringify(scenarioBody());
  status.className = '';
  status.textContent = 'Evaluating ' + (2 ** uncertain.length) + ' combinations…';
  try {
    const result = await api('/v1/sweep', body);
    if (seq !== A.sweepSeq) {
      return;
    }
    status.textContent = result.uncertain.length + ' uncertain facts, ' + result.evaluated + ' of '
      + result.combinations + ' combinations evaluated' + (result.failed ? ', ' + result.failed + ' failed' : '')
      + ' (revision ' + result.revision + ').';
    renderSweep(result, box);
  } catch (e) {
    if (seq === A.sweepSeq) {
      status.className = 'error';
      status.textContent = 'The sweep failed: ' + problemText(e);
    }
  }
}

function renderSweep(r, box) {
  const names = new Map(r.uncertain.map((u) => [u.id, factText(u.type, u.fields)]));
  box.appendChild(h('h3', {text: 'Uncertain facts'}));
  box.appendChild(h('ul', {class: 'uncertain'}, r.uncertain.map((u) => h('li', null, h('code', {text: u.id}), ' ',
    names.get(u.id)))));
  const sets = (list) => (list.length ? list.map((set) => (set.length ? set.join(' + ') : 'none of them')).join(' or ') : '—');
  const robust = r.consequences.filter((c) => c.holds === r.combinations);
  const depending = r.consequences.filter((c) => c.holds !== r.combinations);
  box.appendChild(h('h3', null, 'Depending on the uncertain facts ', h('span', {class: 'count', text: '(' + depending.length + ')'})));
  const list = h('ul', {id: 'sweep-depending', class: 'dependences'});
  for (const c of depending) {
    const l = c.likelihood;
    const range = l.least === l.greatest ? fmt(l.least) : fmt(l.least) + ' to ' + fmt(l.greatest) + ' (mean ' + fmt(l.mean) + ')';
    const share = h('span', {class: 'fill'});
    share.style.setProperty('width', Math.round(c.holds / r.combinations * 100) + '%');
    list.appendChild(h('li', {class: 'dependence', 'data-type': c.type},
      h('p', {class: 'title'}, h('strong', {text: words(c.type)}), ' ', h('span', {class: 'args', text: argsText(c.type, c.fields)})),
      h('p', null, h('span', {class: 'share', 'aria-hidden': 'true'}, share),
        ' holds in ' + c.holds + ' of ' + r.combinations + ' combinations, likelihood ' + range),
      h('ul', {class: 'hangs-on'},
        h('li', null, h('span', {class: 'label', text: 'holds with: '}), sets(c.holdsWith),
          h('span', {class: 'doc', text: ' (smallest sets of the uncertain facts with which it follows)'})),
        c.blockedBy ? h('li', null, h('span', {class: 'label', text: 'blocked by: '}), sets(c.blockedBy),
          h('span', {class: 'doc', text: ' (once all of a set hold, it never follows)'})) : null)));
  }
  if (!depending.length) {
    list.appendChild(h('li', {class: 'empty', text: 'None: every consequence holds in every combination.'}));
  }
  box.appendChild(list);
  box.appendChild(h('h3', null, 'Robust: hold in every combination ', h('span', {class: 'count', text: '(' + robust.length + ')'})));
  box.appendChild(h('ul', {id: 'sweep-robust'}, robust.map((c) => h('li', {text: factText(c.type, c.fields)}))));
  box.appendChild(h('p', {class: 'doc', text: 'u1, u2, … name the uncertain facts above; a set lists those asserted.'}));
}
