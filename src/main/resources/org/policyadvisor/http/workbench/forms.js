// The catalogue (vocabulary, scenarios, rules, sources) and the forms built from it.

import {S} from './state.js';
import {$, h, clear} from './dom.js';
import {api} from './api.js';
import {words, actorName} from './words.js';
import {changed} from './scenario.js';
import {renderSourceChoices} from './source.js';

export async function loadCatalogue() {
  const [vocabulary, scenarios, rules, sources] = await Promise.all([
    api('/v1/vocabulary'), api('/v1/scenarios'), api('/v1/rules'), api('/v1/sources')]);
  S.revision = vocabulary.revision;
  S.types = new Map(vocabulary.types.map((t) => [t.name, t]));
  S.actors = vocabulary.actors;
  S.scenarios = scenarios.scenarios;
  S.rules = new Map(rules.rules.map((r) => [r.id, r]));
  S.sources = sources.sources;
  $('revision').textContent = S.revision;
  renderScenarioChoices();
  renderTypeChoices($('fact-type'), false);
  renderFields('fact');
  renderSourceChecks();
  renderSourceChoices();
}

export function renderScenarioChoices() {
  for (const select of [$('start-from'), $('baseline')]) {
    const keep = select.value;
    while (select.options.length > 1) {
      select.remove(1);
    }
    for (const sc of S.scenarios) {
      if (sc.code) {
        continue;
      }
      select.appendChild(h('option', {value: sc.name, text: sc.name}));
    }
    select.value = keep;
  }
  $('start-from').value = S.scenario.from || '';
  $('baseline').value = S.scenario.baseline || '';
}

export function renderTypeChoices(select, grouped) {
  const keep = select.value;
  clear(select);
  const names = [...S.types.keys()];
  if (grouped) {
    const concluded = new Set();
    S.rules.forEach((r) => r.concludes.forEach((t) => concluded.add(t)));
    const followed = new Set((S.answer ? S.answer.consequences : []).map((c) => c.type));
    const groups = [['Did not follow', names.filter((n) => concluded.has(n) && !followed.has(n))],
      ['Followed (ask about other values)', names.filter((n) => concluded.has(n) && followed.has(n))],
      ['No rule concludes these', names.filter((n) => !concluded.has(n))]];
    for (const [label, list] of groups) {
      if (!list.length) {
        continue;
      }
      const group = h('optgroup', {label: label});
      list.sort().forEach((n) => group.appendChild(h('option', {value: n, text: words(n) + ' (' + n + ')'})));
      select.appendChild(group);
    }
  } else {
    names.slice().sort().forEach((n) => select.appendChild(h('option', {value: n, text: words(n) + ' (' + n + ')'})));
  }
  if (keep && S.types.has(keep)) {
    select.value = keep;
  }
}

/** The inputs of a type's fields; in the why-not form every field may be left as "any". */
export function renderFields(form) {
  const why = form === 'whynot';
  const type = S.types.get($(why ? 'whynot-type' : 'fact-type').value);
  const box = clear($(why ? 'whynot-fields' : 'fact-fields'));
  $(why ? 'whynot-doc' : 'fact-type-doc').textContent = type ? type.doc : '';
  if (!type) {
    return;
  }
  const prefix = why ? 'wn-field-' : 'field-';
  for (const f of type.fields) {
    const id = prefix + f.name;
    const label = h('label', {for: id, text: f.name});
    let input;
    if (f.kind === 'boolean' && !why) {
      input = h('input', {type: 'checkbox', id: id, 'data-field': f.name, 'data-kind': 'boolean'});
      box.appendChild(h('div', {class: 'field check'}, input, label, h('span', {class: 'doc', text: f.doc})));
      continue;
    }
    const choices = f.actor ? Object.keys(S.actors).sort().map((c) => [c, actorName(c) + ' (' + c + ')'])
      : f.kind === 'boolean' ? [['true', 'true'], ['false', 'false']]
        : f.values.length ? f.values.map((v) => [v, v]) : null;
    if (choices) {
      input = h('select', {id: id, 'data-field': f.name, 'data-kind': f.kind});
      input.appendChild(h('option', {value: '', text: why ? '(any)' : '(choose)'}));
      choices.forEach(([v, t]) => input.appendChild(h('option', {value: v, text: t})));
    } else {
      input = h('input', {
        id: id, type: f.kind === 'integer' ? 'number' : 'text', 'data-field': f.name, 'data-kind': f.kind,
        placeholder: why ? '(any)' : ''
      });
    }
    const doc = f.doc ? h('span', {class: 'doc', id: id + '-doc', text: f.doc}) : null;
    if (doc) {
      input.setAttribute('aria-describedby', id + '-doc');
    }
    box.appendChild(h('div', {class: 'field'}, label, input, doc));
  }
}

/** The values of the form's fields: every field required in the builder, only those given in why-not. */
export function readFields(form) {
  const why = form === 'whynot';
  const box = $(why ? 'whynot-fields' : 'fact-fields');
  const fields = {};
  const missing = [];
  for (const input of box.querySelectorAll('[data-field]')) {
    const name = input.getAttribute('data-field');
    const kind = input.getAttribute('data-kind');
    if (input.type === 'checkbox') {
      fields[name] = input.checked;
      continue;
    }
    const raw = input.value.trim();
    if (raw === '') {
      if (!why) {
        missing.push(name);
      }
      continue;
    }
    fields[name] = kind === 'boolean' ? raw === 'true' : kind === 'integer' ? Number(raw) : raw;
  }
  return {fields: fields, missing: missing};
}

export function fillFields(form, fields) {
  const box = $(form === 'whynot' ? 'whynot-fields' : 'fact-fields');
  for (const input of box.querySelectorAll('[data-field]')) {
    const v = fields[input.getAttribute('data-field')];
    if (input.type === 'checkbox') {
      input.checked = v === true;
    } else {
      input.value = v === undefined ? '' : String(v);
    }
  }
}

export function renderSourceChecks() {
  const box = clear($('source-checks'));
  const cited = S.sources.filter((s) => s.rules > 0);
  $('source-filter').hidden = cited.length < 2;
  for (const s of cited) {
    const id = 'use-source-' + s.id;
    const input = h('input', {type: 'checkbox', id: id, value: s.id});
    input.checked = !S.scenario.only || S.scenario.only.includes(s.id);
    input.addEventListener('change', () => {
      const checked = [...box.querySelectorAll('input:checked')].map((i) => i.value);
      S.scenario.only = checked.length === cited.length ? null : checked;
      changed();
    });
    const title = s.header.title ? ' — ' + s.header.title : '';
    box.appendChild(h('div', {class: 'field check'}, input,
      h('label', {for: id}, h('code', {text: s.id}), ' ', h('span', {class: 'doc', text: (s.header.grade ? 'grade ' + s.header.grade + ', ' : '') + s.rules + ' rules' + title}))));
  }
}
