// The scenario being built: its facts, running it, and exporting and importing it as a scenario file.

import {S} from './state.js';
import {$, h, clear, note} from './dom.js';
import {api, problemText} from './api.js';
import {words, argsText, factText, key, requestFact, splitFact} from './words.js';
import {writeUrl} from './url.js';
import {readFields} from './forms.js';
import {nodeIndex, renderAnswer} from './answer.js';

export function renderFacts() {
  const list = clear($('facts'));
  const facts = S.scenario.facts;
  $('facts-count').textContent = facts.length ? '(' + facts.filter((f) => !f.off).length + ' of ' + facts.length + ' on)' : '';
  $('scenario-description').textContent = S.scenario.description || '';
  if (!facts.length) {
    list.appendChild(h('li', {class: 'empty', text: 'No facts yet: add one below, or start from a shipped scenario.'}));
  }
  facts.forEach((fact, i) => {
    const text = factText(fact.type, fact.fields);
    const toggle = h('input', {type: 'checkbox', id: 'fact-on-' + i, 'aria-label': 'Use fact: ' + text});
    toggle.checked = !fact.off;
    toggle.addEventListener('change', () => {
      fact.off = !toggle.checked;
      changed();
    });
    const remove = h('button', {
      type: 'button', class: 'small', 'aria-label': 'Remove fact: ' + text, text: 'Remove',
      onclick: () => {
        facts.splice(i, 1);
        changed();
        const next = $('fact-on-' + Math.min(i, facts.length - 1));
        (next || $('fact-type')).focus();
      }
    });
    list.appendChild(h('li', {class: fact.off ? 'fact off' : 'fact', 'data-type': fact.type},
      toggle, h('label', {for: 'fact-on-' + i, class: 'fact-text'}, h('strong', {text: words(fact.type)}),
        ' ', h('span', {text: argsText(fact.type, fact.fields)})), remove));
  });
}

let runTimer = 0;

/** The scenario changed: show it, keep it in the URL, and run it again shortly. */
export function changed() {
  S.target = null;
  renderFacts();
  writeUrl();
  clearTimeout(runTimer);
  runTimer = setTimeout(run, 150);
}

export async function loadScenario(name) {
  if (!name) {
    S.scenario = {from: '', description: '', facts: [], baseline: S.scenario.baseline, only: S.scenario.only};
    changed();
    return;
  }
  try {
    const sc = await api('/v1/scenarios/' + encodeURIComponent(name));
    S.scenario.from = name;
    S.scenario.description = sc.description;
    S.scenario.facts = sc.facts.map((f) => Object.assign(splitFact(f), {off: false}));
    note('Loaded ' + name + ' (' + sc.facts.length + ' facts).');
    changed();
  } catch (e) {
    note('Could not load ' + name + ': ' + problemText(e));
  }
}

export function addFact(event) {
  event.preventDefault();
  const type = $('fact-type').value;
  const {fields, missing} = readFields('fact');
  const error = $('fact-error');
  if (missing.length) {
    error.textContent = 'Choose a value for ' + missing.join(', ') + '.';
    error.hidden = false;
    const first = $('field-' + missing[0]);
    if (first) {
      first.focus();
    }
    return;
  }
  error.hidden = true;
  const k = key(type, fields);
  const existing = S.scenario.facts.find((f) => key(f.type, f.fields) === k);
  if (existing) {
    existing.off = false;
    note('That fact is already in the scenario; it is switched on.');
  } else {
    S.scenario.facts.push({type: type, fields: fields, off: false});
    note('Added ' + factText(type, fields) + '.');
  }
  changed();
}

export function requestBody() {
  const sc = S.scenario;
  const body = {facts: sc.facts.filter((f) => !f.off).map(requestFact)};
  if (sc.description) {
    body.description = sc.description;
  }
  if (sc.baseline) {
    body.baseline = sc.baseline;
  }
  if (sc.only) {
    body.sources = sc.only;
  }
  return body;
}

/**
 * Runs the scenario, unless the answer shown (or the one on its way) is already for the same request: a change
 * that runs it on its own and a click on Run then give one answer, not two. `force` runs it again regardless
 * (new rules).
 */
export async function run(force) {
  clearTimeout(runTimer);
  const body = requestBody();
  const requestKey = JSON.stringify(body);
  if (force !== true && (requestKey === S.answerKey || requestKey === S.pendingKey)) {
    return;
  }
  S.pendingKey = requestKey;
  const seq = ++S.runSeq;
  const status = $('answer-status');
  $('answer').setAttribute('aria-busy', 'true');
  status.className = '';
  status.textContent = 'Running…';
  try {
    const answer = await api('/v1/what-if', body);
    if (seq !== S.runSeq) {
      return;
    }
    S.answer = answer;
    S.answerKey = requestKey;
    renderAnswer();
  } catch (e) {
    if (seq !== S.runSeq) {
      return;
    }
    S.answerKey = '';
    status.className = 'error';
    status.textContent = 'The scenario could not be run: ' + problemText(e);
  } finally {
    if (seq === S.runSeq) {
      S.pendingKey = '';
      $('answer').setAttribute('aria-busy', 'false');
      $('answer').setAttribute('data-run', String(seq));
    }
  }
}

function patternOf(c) {
  return Object.assign({type: c.type}, c.fields);
}

export async function baseFacts(name) {
  if (!S.baseFacts.has(name)) {
    const sc = await api('/v1/scenarios/' + encodeURIComponent(name));
    S.baseFacts.set(name, sc.facts.map(splitFact));
  }
  return S.baseFacts.get(name);
}

export async function exportScenario() {
  if (!S.answer || S.answerKey !== JSON.stringify(requestBody())) {
    await run(true);
  }
  const a = S.answer;
  if (!a) {
    return;
  }
  const sc = S.scenario;
  const on = sc.facts.filter((f) => !f.off);
  const file = {description: sc.description || 'A scenario built in the workbench.'};
  if (sc.baseline) {
    const base = await baseFacts(sc.baseline);
    const onKeys = new Set(on.map((f) => key(f.type, f.fields)));
    const baseKeys = new Set(base.map((f) => key(f.type, f.fields)));
    file.extends = sc.baseline;
    const withdraw = base.filter((f) => !onKeys.has(key(f.type, f.fields)));
    if (withdraw.length) {
      file.withdraw = withdraw.map(requestFact);
    }
    file.facts = on.filter((f) => !baseKeys.has(key(f.type, f.fields))).map(requestFact);
  } else {
    file.facts = on.map(requestFact);
  }
  const expect = {follows: a.consequences.map(patternOf)};
  if (a.contested && a.contested.length) {
    const nodes = nodeIndex(a);
    expect.contested = a.contested.map((p) => patternOf(nodes.get(p.one)));
  }
  if (a.diff) {
    if (a.diff.added.length) {
      expect.added = a.diff.added.map(patternOf);
    }
    if (a.diff.removed.length) {
      expect.removed = a.diff.removed.map(patternOf);
    }
    if (a.diff.changed.length) {
      expect.changed = a.diff.changed.map(patternOf);
    }
  }
  file.expect = expect;
  const text = JSON.stringify(file, null, 2) + '\n';
  $('export-box').hidden = false;
  $('export-text').value = text;
  const link = $('export-download');
  if (link.href.startsWith('blob:')) {
    URL.revokeObjectURL(link.href);
  }
  link.href = URL.createObjectURL(new Blob([text], {type: 'application/json'}));
  link.download = (sc.from ? sc.from + '-edited' : 'workbench-scenario') + '.json';
  note('The scenario file is below: save it in the scenario folder to keep it as a test.');
  $('export-text').focus();
}

export async function importScenario(file) {
  try {
    const data = JSON.parse(await file.text());
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      throw new Error('expected a JSON object with "facts"');
    }
    let facts = (data.facts || []).map(splitFact);
    let baseline = '';
    if (data.extends) {
      const base = await baseFacts(data.extends);
      const withdraw = new Set((data.withdraw || []).map((f) => {
        const s = splitFact(f);
        return key(s.type, s.fields);
      }));
      facts = base.filter((f) => !withdraw.has(key(f.type, f.fields))).concat(facts);
      baseline = data.extends;
    }
    S.scenario = {
      from: '', description: data.description || '', baseline: baseline, only: S.scenario.only,
      facts: facts.map((f) => ({type: f.type, fields: f.fields, off: false}))
    };
    $('baseline').value = baseline;
    $('start-from').value = '';
    note('Imported ' + file.name + ' (' + facts.length + ' facts' + (baseline ? ', baseline ' + baseline : '') + ').');
    changed();
  } catch (e) {
    note('Could not import ' + file.name + ': ' + (e.problems ? problemText(e) : e.message));
  }
}

export async function copyLink() {
  writeUrl();
  try {
    await navigator.clipboard.writeText(location.href);
    note('The link to this scenario is copied.');
  } catch (e) {
    note('The link to this scenario is the address of this page.');
  }
}
