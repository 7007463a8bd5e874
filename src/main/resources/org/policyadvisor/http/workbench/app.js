// The analysts' workbench: a single page over the public /v1 API of this server. Plain JavaScript, no build step,
// nothing loaded from another host. The scenario, the view and the selected source live in the URL's fragment.
'use strict';

(function () {

  // ---------------------------------------------------------------- state

  const S = {
    revision: null,
    types: new Map(),        // fact type name -> {name, doc, fields}
    actors: {},              // code -> name
    scenarios: [],           // [{name, description, facts}]
    rules: new Map(),        // rule id -> catalogue entry
    sources: [],             // [{id, kept, header, rules}]
    source: null,            // the source document shown
    answer: null,            // the last what-if answer
    answerKey: '',           // the request that answer is for
    fired: new Set(),        // rule ids used by the last answer
    baseFacts: new Map(),    // scenario name -> its facts
    authoringVersion: '',
    authoring: null,
    runSeq: 0,
    target: null,            // the why-not consequence last applied, to point it out in the answer
    view: 'scenario',
    sourceId: '',
    scenario: {from: '', description: '', facts: [], baseline: '', only: null}
  };

  const VIEWS = ['scenario', 'whynot', 'article', 'authoring'];
  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------- DOM helpers

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    setAttrs(el, attrs);
    append(el, children);
    return el;
  }

  const SVG_NS = 'http://www.w3.org/2000/svg';

  function svg(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    setAttrs(el, attrs);
    append(el, children);
    return el;
  }

  function setAttrs(el, attrs) {
    if (!attrs) {
      return;
    }
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) {
        continue;
      }
      if (k === 'class') {
        el.setAttribute('class', v);
      } else if (k === 'text') {
        el.textContent = v;
      } else if (k.startsWith('on') && typeof v === 'function') {
        el.addEventListener(k.slice(2), v);
      } else {
        el.setAttribute(k, v === true ? '' : String(v));
      }
    }
  }

  function append(el, children) {
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) {
        continue;
      }
      el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
  }

  function clear(el) {
    while (el.firstChild) {
      el.removeChild(el.firstChild);
    }
    return el;
  }

  /** Text with `code` spans, as the ledger writes rule ids. */
  function withCode(text) {
    const parts = String(text).split('`');
    return parts.map((p, i) => (i % 2 === 1 ? h('code', {text: p}) : p));
  }

  // ---------------------------------------------------------------- API

  async function api(path, body) {
    const init = body === undefined ? {} : {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)
    };
    const response = await fetch(path, init);
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    if (!response.ok) {
      const error = new Error(json && json.message ? json.message : response.status + ' ' + response.statusText);
      error.problems = json && Array.isArray(json.errors) ? json.errors : [];
      throw error;
    }
    return json;
  }

  function problemText(error) {
    const details = (error.problems || []).map((p) => (p.path ? p.path + ': ' : '') + p.message);
    return error.message + (details.length ? ' — ' + details.join('; ') : '');
  }

  // ---------------------------------------------------------------- words

  function words(type) {
    const s = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2').toLowerCase();
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function actorName(code) {
    return S.actors[code] || code;
  }

  function fieldSpec(type, name) {
    const t = S.types.get(type);
    return t ? t.fields.find((f) => f.name === name) : null;
  }

  function valueText(type, name, value) {
    const spec = fieldSpec(type, name);
    if (spec && spec.actor && typeof value === 'string') {
      return actorName(value);
    }
    return String(value);
  }

  /** The fields of a fact in the vocabulary's order, then any others. */
  function orderedFields(type, fields) {
    const t = S.types.get(type);
    const names = t ? t.fields.map((f) => f.name).filter((n) => n in fields) : [];
    for (const n of Object.keys(fields)) {
      if (!names.includes(n)) {
        names.push(n);
      }
    }
    return names;
  }

  function argsText(type, fields) {
    return orderedFields(type, fields).map((n) => n + ' ' + valueText(type, n, fields[n])).join(' · ');
  }

  function factText(type, fields) {
    const args = argsText(type, fields || {});
    return words(type) + (args ? ' — ' + args : '');
  }

  /** Short form for the graph: Type(codes and values). */
  function shortFact(type, fields) {
    return type + '(' + orderedFields(type, fields).map((n) => String(fields[n])).join(', ') + ')';
  }

  function fmt(x) {
    return typeof x === 'number' ? String(Math.round(x * 100) / 100) : '';
  }

  function key(type, fields) {
    const f = fields || {};
    return type + JSON.stringify(Object.keys(f).sort().map((k) => [k, f[k]]));
  }

  /** A fact as a request carries it: {"type": ..., field: value}. */
  function requestFact(fact) {
    return Object.assign({type: fact.type}, fact.fields);
  }

  function splitFact(raw) {
    const fields = {};
    for (const [k, v] of Object.entries(raw)) {
      if (k !== 'type') {
        fields[k] = v;
      }
    }
    return {type: raw.type, fields: fields};
  }

  function matches(pattern, type, fields) {
    if (pattern.type !== type) {
      return false;
    }
    return Object.entries(pattern.fields || {}).every(([k, v]) => fields[k] === v);
  }

  // ---------------------------------------------------------------- the URL

  function encode(obj) {
    const bytes = new TextEncoder().encode(JSON.stringify(obj));
    let s = '';
    bytes.forEach((b) => {
      s += String.fromCharCode(b);
    });
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function decode(text) {
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(s, (c) => c.charCodeAt(0))));
  }

  function writeUrl() {
    const sc = S.scenario;
    const params = new URLSearchParams();
    params.set('view', S.view);
    const compact = {
      n: sc.from || undefined,
      d: sc.description || undefined,
      f: sc.facts.map((f) => (f.off ? [f.type, f.fields, 1] : [f.type, f.fields])),
      b: sc.baseline || undefined,
      o: sc.only || undefined
    };
    if (compact.f.length || compact.n || compact.b) {
      params.set('s', encode(compact));
    }
    if (S.sourceId) {
      params.set('source', S.sourceId);
    }
    const hash = '#' + params.toString();
    if (location.hash !== hash) {
      history.replaceState(null, '', hash);
    }
  }

  function readUrl() {
    const params = new URLSearchParams(location.hash.slice(1));
    const view = params.get('view');
    S.view = VIEWS.includes(view) ? view : 'scenario';
    S.sourceId = params.get('source') || '';
    const s = params.get('s');
    if (s) {
      try {
        const c = decode(s);
        S.scenario = {
          from: c.n || '',
          description: c.d || '',
          facts: (c.f || []).map((f) => ({type: f[0], fields: f[1] || {}, off: !!f[2]})),
          baseline: c.b || '',
          only: Array.isArray(c.o) ? c.o : null
        };
      } catch (e) {
        note('The scenario in this link could not be read; starting empty.');
      }
    }
  }

  // ---------------------------------------------------------------- views

  function showView(view, focus, rule) {
    S.view = view;
    for (const v of VIEWS) {
      const tab = $('tab-' + v);
      const selected = v === view;
      tab.setAttribute('aria-selected', selected ? 'true' : 'false');
      tab.tabIndex = selected ? 0 : -1;
      $('view-' + v).hidden = !selected;
    }
    if (focus) {
      $('tab-' + view).focus();
    }
    if (view === 'article') {
      showSource(S.sourceId || (S.sources[0] && S.sources[0].id) || '', rule);
    }
    if (view === 'whynot') {
      renderWhyNotTypes();
    }
    writeUrl();
  }

  function setupTabs() {
    const tabs = VIEWS.map((v) => $('tab-' + v));
    tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => showView(VIEWS[i], false));
      tab.addEventListener('keydown', (e) => {
        let next = -1;
        if (e.key === 'ArrowRight') {
          next = (i + 1) % tabs.length;
        } else if (e.key === 'ArrowLeft') {
          next = (i + tabs.length - 1) % tabs.length;
        } else if (e.key === 'Home') {
          next = 0;
        } else if (e.key === 'End') {
          next = tabs.length - 1;
        }
        if (next >= 0) {
          e.preventDefault();
          showView(VIEWS[next], true);
        }
      });
    });
  }

  // ---------------------------------------------------------------- catalogue

  async function loadCatalogue() {
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

  function renderScenarioChoices() {
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

  function renderTypeChoices(select, grouped) {
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
  function renderFields(form) {
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
  function readFields(form) {
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

  function fillFields(form, fields) {
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

  function renderSourceChecks() {
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

  // ---------------------------------------------------------------- the scenario

  function renderFacts() {
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
  function changed() {
    S.target = null;
    renderFacts();
    writeUrl();
    clearTimeout(runTimer);
    runTimer = setTimeout(run, 150);
  }

  function note(text) {
    $('builder-note').textContent = text;
  }

  async function loadScenario(name) {
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

  function addFact(event) {
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

  function requestBody() {
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
  async function run(force) {
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

  // ---------------------------------------------------------------- the answer

  function nodeIndex(answer) {
    const nodes = new Map();
    answer.given.forEach((g) => nodes.set(g.id, Object.assign({given: true}, g)));
    answer.consequences.forEach((c) => nodes.set(c.id, c));
    return nodes;
  }

  function renderAnswer() {
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
  function explain(node, resolve, depth, seen, budget) {
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

  // ---------------------------------------------------------------- the graph

  const NODE_W = 210;
  const NODE_H = 42;
  const COL_GAP = 170;
  const ROW_GAP = 14;

  function renderGraph(a, added) {
    const section = $('graph-section');
    const box = clear($('graph'));
    clear($('graph-detail'));
    const nodes = [];
    a.given.forEach((g) => nodes.push({id: g.id, node: Object.assign({given: true}, g), col: 0}));
    a.consequences.forEach((c) => nodes.push({id: c.id, node: c, col: Math.max(1, c.depth || 1)}));
    section.hidden = nodes.length === 0;
    if (!nodes.length) {
      return;
    }
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const edges = [];
    for (const c of a.consequences) {
      for (const d of c.derivations || []) {
        for (const p of d.premises || []) {
          if (byId.has(p)) {
            edges.push({from: byId.get(p), to: byId.get(c.id), rule: d.rule, likelihood: d.likelihood});
          }
        }
      }
    }
    // Columns by depth; within a column, ordered by where their premises are (one barycentre pass).
    const columns = [];
    nodes.forEach((n) => (columns[n.col] = columns[n.col] || []).push(n));
    columns.forEach((col, ci) => {
      if (!col) {
        return;
      }
      if (ci > 0) {
        col.forEach((n) => {
          const ins = edges.filter((e) => e.to === n && e.from.row !== undefined);
          n.bary = ins.length ? ins.reduce((s, e) => s + e.from.row, 0) / ins.length : 0;
        });
        col.sort((x, y) => x.bary - y.bary);
      }
      col.forEach((n, i) => {
        n.row = i;
      });
    });
    const cols = columns.length;
    const rows = Math.max(...columns.filter(Boolean).map((c) => c.length));
    const width = cols * NODE_W + (cols - 1) * COL_GAP + 20;
    const height = rows * (NODE_H + ROW_GAP) + 20;
    columns.forEach((col, ci) => {
      if (!col) {
        return;
      }
      const offset = (rows - col.length) * (NODE_H + ROW_GAP) / 2;
      col.forEach((n) => {
        n.x = 10 + ci * (NODE_W + COL_GAP);
        n.y = 10 + offset + n.row * (NODE_H + ROW_GAP);
      });
    });
    const root = svg('svg', {
      width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'group',
      'aria-label': 'Derivation graph: ' + nodes.length + ' nodes, ' + edges.length + ' edges', class: 'graph-svg'
    });
    root.appendChild(svg('defs', null, svg('marker', {
      id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse'
    }, svg('path', {d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow'}))));
    const edgeLayer = svg('g', {class: 'edges'});
    const labelLayer = svg('g', {class: 'edge-labels'});
    for (const e of edges) {
      const x1 = e.from.x + NODE_W;
      const y1 = e.from.y + NODE_H / 2;
      const x2 = e.to.x;
      const y2 = e.to.y + NODE_H / 2;
      const mx = (x1 + x2) / 2;
      const path = svg('path', {
        d: 'M ' + x1 + ' ' + y1 + ' C ' + mx + ' ' + y1 + ', ' + mx + ' ' + y2 + ', ' + x2 + ' ' + y2,
        class: 'edge', 'marker-end': 'url(#arrow)', 'data-from': e.from.id, 'data-to': e.to.id
      }, svg('title', {text: e.rule + ' · likelihood ' + fmt(e.likelihood)}));
      edgeLayer.appendChild(path);
      // The label sits halfway along the edge, in the gap between two columns.
      const t = 0.5;
      const lx = (1 - t) ** 3 * x1 + 3 * (1 - t) ** 2 * t * mx + 3 * (1 - t) * t ** 2 * mx + t ** 3 * x2;
      const ly = (1 - t) ** 3 * y1 + 3 * (1 - t) ** 2 * t * y1 + 3 * (1 - t) * t ** 2 * y2 + t ** 3 * y2;
      const label = e.rule.length > 24 ? e.rule.slice(0, 23) + '…' : e.rule;
      labelLayer.appendChild(svg('text', {x: lx, y: ly - 3, class: 'edge-label', 'text-anchor': 'middle', 'data-to': e.to.id},
        svg('title', {text: e.rule + ' · likelihood ' + fmt(e.likelihood)}), label + ' ' + fmt(e.likelihood)));
    }
    root.appendChild(edgeLayer);
    const nodeLayer = svg('g', {class: 'nodes'});
    for (const n of nodes) {
      const f = n.node;
      const cls = ['node', f.given ? 'given' : 'consequence'];
      if (!f.given && added.has(key(f.type, f.fields))) {
        cls.push('added');
      }
      const text1 = f.type.length > 29 ? f.type.slice(0, 28) + '…' : f.type;
      const args = orderedFields(f.type, f.fields).map((k) => String(f.fields[k])).join(', ');
      const text2 = (args.length > 28 ? args.slice(0, 27) + '…' : args) + (f.given ? '' : ' · ' + fmt(f.likelihood));
      const g = svg('g', {
        class: cls.join(' '), tabindex: 0, role: 'button', 'data-id': n.id,
        transform: 'translate(' + n.x + ',' + n.y + ')',
        'aria-label': (f.given ? 'Given: ' : 'Consequence: ') + factText(f.type, f.fields)
          + (f.given ? '' : ', likelihood ' + fmt(f.likelihood))
      },
      svg('title', {text: shortFact(f.type, f.fields)}),
      svg('rect', {width: NODE_W, height: NODE_H, rx: 6, ry: 6}),
      svg('text', {x: 8, y: 17, class: 'node-type'}, text1),
      svg('text', {x: 8, y: 33, class: 'node-args'}, text2));
      g.addEventListener('click', () => selectNode(n.id));
      g.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          selectNode(n.id);
        }
      });
      nodeLayer.appendChild(g);
    }
    root.appendChild(nodeLayer);
    root.appendChild(labelLayer);
    box.appendChild(root);
  }

  function selectNode(id) {
    const a = S.answer;
    const nodes = nodeIndex(a);
    const node = nodes.get(id);
    const root = $('graph');
    const svgRoot = root.querySelector('svg');
    if (svgRoot) {
      svgRoot.classList.add('has-selection');
    }
    root.querySelectorAll('.node').forEach((g) => g.classList.toggle('selected', g.getAttribute('data-id') === id));
    root.querySelectorAll('.edge, .edge-label').forEach((p) => p.classList.toggle('selected', p.getAttribute('data-to') === id));
    const detail = clear($('graph-detail'));
    if (!node) {
      return;
    }
    detail.appendChild(h('h4', {text: factText(node.type, node.fields)}));
    if (!node.given) {
      detail.appendChild(h('p', null, 'Likelihood ' + fmt(node.likelihood) + ' · depth ' + node.depth + ' · ',
        h('a', {href: '#consequence-' + id, text: 'in the list', onclick: (e) => {
          e.preventDefault();
          const d = $('consequence-' + id);
          d.open = true;
          d.querySelector('summary').focus();
        }})));
    }
    detail.appendChild(explain(node, (p) => nodes.get(p), 0, new Set(), {budget: 200}));
  }

  // ---------------------------------------------------------------- export and import

  function patternOf(c) {
    return Object.assign({type: c.type}, c.fields);
  }

  async function baseFacts(name) {
    if (!S.baseFacts.has(name)) {
      const sc = await api('/v1/scenarios/' + encodeURIComponent(name));
      S.baseFacts.set(name, sc.facts.map(splitFact));
    }
    return S.baseFacts.get(name);
  }

  async function exportScenario() {
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

  async function importScenario(file) {
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

  async function copyLink() {
    writeUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      note('The link to this scenario is copied.');
    } catch (e) {
      note('The link to this scenario is the address of this page.');
    }
  }

  // ---------------------------------------------------------------- why not

  function renderWhyNotTypes() {
    if (!S.types.size) {
      return;
    }
    const select = $('whynot-type');
    const keep = select.value;
    renderTypeChoices(select, true);
    if (!keep || select.value !== keep) {
      renderFields('whynot');
    }
  }

  async function askWhyNot(event) {
    event.preventDefault();
    const type = $('whynot-type').value;
    const {fields} = readFields('whynot');
    const consequence = Object.assign({type: type}, fields);
    const status = $('whynot-status');
    const box = clear($('whynot-answer'));
    status.className = '';
    status.textContent = 'Asking…';
    try {
      const facts = S.scenario.facts.filter((f) => !f.off).map(requestFact);
      if (!facts.length) {
        status.textContent = 'Asking, of an empty scenario (add facts in the Scenario view to ask about yours)…';
      }
      const body = {facts: facts, consequence: consequence};
      if (S.scenario.description) {
        body.description = S.scenario.description;
      }
      const answer = await api('/v1/why-not', body);
      renderWhyNot(answer, {type: type, fields: fields}, box);
      status.textContent = factText(type, fields) + ': ' + answer.status.replace(/-/g, ' ') + '.';
    } catch (e) {
      status.className = 'error';
      status.textContent = 'Why-not failed: ' + problemText(e);
    }
  }

  function renderWhyNot(a, target, box) {
    box.appendChild(h('p', {class: 'whynot-status ' + a.status},
      h('strong', {text: words(target.type)}), ' ', argsText(target.type, target.fields) + ' ',
      h('span', {class: 'mark ' + (a.status === 'follows' ? 'added' : 'removed'), text: a.status.replace(/-/g, ' ')})));
    if (a.matches.length) {
      box.appendChild(h('p', null, 'It follows as: ', a.matches.map((m) => factText(m.type, m.fields)).join('; ') + '.'));
    }
    if (a.options.length) {
      box.appendChild(h('h3', {text: 'Facts that would make it follow (smallest sets first)'}));
      const ol = h('ol', {class: 'options'});
      a.options.forEach((o, i) => {
        const li = h('li', {class: 'option'});
        const parts = h('ul');
        o.facts.forEach((f) => parts.appendChild(h('li', null, h('span', {class: 'mark added', text: 'add'}), ' ', factText(f.type, f.fields))));
        o.withdraw.forEach((f) => parts.appendChild(h('li', null, h('span', {class: 'mark removed', text: 'withdraw'}), ' ', factText(f.type, f.fields))));
        li.appendChild(h('p', {text: 'Set ' + (i + 1) + ' (' + o.size + (o.size === 1 ? ' change' : ' changes') + ', checked: ' + o.check.replace(/-/g, ' ') + ')'}));
        li.appendChild(parts);
        li.appendChild(h('button', {
          type: 'button', class: 'primary apply', text: 'Apply set ' + (i + 1) + ' and run',
          'aria-label': 'Apply set ' + (i + 1) + ' to the scenario and run it',
          onclick: () => applyOption(o, target)
        }));
        ol.appendChild(li);
      });
      box.appendChild(ol);
    } else if (a.status !== 'follows') {
      box.appendChild(h('p', {class: 'doc', text: 'No set of facts within the search bounds makes it follow'
        + (a.truncated ? ' (the search was cut short)' : '') + '.'}));
    }
    if (a.rules.length) {
      box.appendChild(h('h3', {text: 'Rules that could conclude it, and what each still needs'}));
      const ul = h('ul', {class: 'candidates'});
      a.rules.forEach((c) => ul.appendChild(candidate(c, 0)));
      box.appendChild(ul);
    }
  }

  function candidate(c, depth) {
    const li = h('li', {class: 'candidate'});
    li.appendChild(h('p', {class: 'by'}, h('strong', {text: c.name}), ' ', h('code', {text: c.rule}), ' · ',
      h('span', {class: 'hedge', text: c.hedge}), ' · concludes ', factText(c.concludes.type, c.concludes.fields),
      ' · ', h('span', {class: 'mark ' + (c.premisesMet ? 'added' : 'removed'), text: c.premisesMet ? 'premises met' : 'premises missing'})));
    li.appendChild(h('blockquote', {class: 'quote'}, h('p', {text: '“' + c.quote + '”'}), h('footer', null, '— ', h('a', {
      href: '#view=article&source=' + encodeURIComponent(c.source), text: c.source,
      onclick: (e) => {
        e.preventDefault();
        openQuote(c.source, c.rule);
      }
    }))));
    const ul = h('ul', {class: 'premises'});
    for (const p of c.premises) {
      const item = h('li', {class: 'premise ' + p.status},
        h('span', {class: 'mark ' + (p.status === 'met' ? 'added' : 'removed'), text: p.status}), ' ',
        p.absent ? 'absent: ' : '', h('code', {text: p.condition}),
        p.trace && p.trace !== 'met' ? ' (' + p.trace.replace(/-/g, ' ') + ')' : '');
      if (p.rules.length && depth < 4) {
        const inner = h('ul', {class: 'candidates'});
        p.rules.forEach((r) => inner.appendChild(candidate(r, depth + 1)));
        item.appendChild(h('details', null, h('summary', {text: p.rules.length + (p.rules.length === 1 ? ' rule could conclude it' : ' rules could conclude it')}), inner));
      }
      ul.appendChild(item);
    }
    li.appendChild(ul);
    return li;
  }

  function applyOption(option, target) {
    const facts = S.scenario.facts;
    const incomplete = [];
    for (const f of option.facts) {
      const type = S.types.get(f.type);
      const missing = type ? type.fields.filter((x) => !(x.name in f.fields) && x.kind !== 'boolean').map((x) => x.name) : [];
      if (missing.length) {
        incomplete.push([f, missing]);
        continue;
      }
      const fields = Object.assign({}, f.fields);
      if (type) {
        type.fields.filter((x) => x.kind === 'boolean' && !(x.name in fields)).forEach((x) => (fields[x.name] = false));
      }
      const k = key(f.type, fields);
      const existing = facts.find((x) => key(x.type, x.fields) === k);
      if (existing) {
        existing.off = false;
      } else {
        facts.push({type: f.type, fields: fields, off: false});
      }
    }
    for (const w of option.withdraw) {
      const k = key(w.type, w.fields);
      facts.filter((x) => key(x.type, x.fields) === k).forEach((x) => (x.off = true));
    }
    S.target = target;
    if (incomplete.length) {
      const [f, missing] = incomplete[0];
      $('fact-type').value = f.type;
      renderFields('fact');
      fillFields('fact', f.fields);
      note('Choose ' + missing.join(', ') + ' for ' + words(f.type) + ', then add it: the suggested set leaves them open.');
    } else {
      note('Applied a suggested set for ' + factText(target.type, target.fields) + '.');
    }
    showView('scenario', false);
    renderFacts();
    writeUrl();
    run();
  }

  // ---------------------------------------------------------------- the sources

  function renderSourceChoices() {
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

  async function showSource(id, rule) {
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

  function openQuote(source, rule) {
    S.sourceId = source;
    showView('article', false, rule);
  }

  function renderSource() {
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

  // ---------------------------------------------------------------- authoring

  // The revision and the problems of the last reload come from /v1/status, polled every half second: it is cheap,
  // and shows a saved edit as soon as the server has tried it. The authoring document (check, scenario tests) is
  // fetched when they change, and every few seconds in case only a document or a scenario file changed.
  let statusKey = '';
  let authoringBusy = false;
  let authoringAgain = false;

  async function pollStatus() {
    try {
      const st = await api('/v1/status');
      $('revision-note').textContent = '';
      const k = st.revision + JSON.stringify(st.loadProblems);
      if (k !== statusKey) {
        statusKey = k;
        renderReloadProblems(st.loadProblems);
        $('active-revision').textContent = st.revision;
        if (S.revision && st.revision !== S.revision) {
          $('revision').textContent = st.revision;
          revisionChanged();
        }
        fetchAuthoring();
      }
    } catch (e) {
      $('revision-note').textContent = '(the server does not answer)';
    }
    setTimeout(pollStatus, 500);
  }

  async function pollAuthoring() {
    await fetchAuthoring();
    setTimeout(pollAuthoring, 3000);
  }

  async function fetchAuthoring() {
    if (authoringBusy) {
      authoringAgain = true;
      return;
    }
    authoringBusy = true;
    try {
      do {
        authoringAgain = false;
        const doc = await api('/v1/authoring' + (S.authoringVersion ? '?after=' + encodeURIComponent(S.authoringVersion) : ''));
        if (!doc.unchanged) {
          S.authoringVersion = doc.version;
          S.authoring = doc;
          renderAuthoring(doc);
          if (doc.check.pending) {
            authoringAgain = true;
            await new Promise((resolve) => setTimeout(resolve, 300));
          }
        }
      } while (authoringAgain);
    } catch (e) {
      $('revision-note').textContent = '(the server does not answer)';
    } finally {
      authoringBusy = false;
    }
  }

  // The impact of the reload that activated the active revision over the served scenarios, in one sentence.
  function impactText(i) {
    const head = 'Revision ' + i.oldRevision + ' \u2192 ' + i.newRevision + ': ';
    if (!i.computed) {
      return head + 'impact not computed (' + i.reason + ').';
    }
    const n = i.summary;
    const plural = (k, word) => k + ' ' + word + (k === 1 ? '' : 's');
    return head + n.affected + ' of ' + plural(n.scenarios, 'scenario') + ' changed, '
      + plural(n.added, 'consequence') + ' added, ' + n.removed + ' removed, ' + n.changed + ' changed, '
      + plural(n.regressions, 'regression')
      + (n.regressions ? ' (' + i.regressions.map((x) => x.scenario).join(', ') + ')' : '') + '.';
  }

  function renderReloadProblems(problems) {
    const list = clear($('reload-problems'));
    $('reload-problems-section').hidden = !problems.length;
    for (const p of problems) {
      list.appendChild(h('li', null, h('code', {class: 'where', text: p.path}), ' ', p.message));
    }
  }

  async function revisionChanged() {
    S.source = null;
    await loadCatalogue();
    $('revision-note').textContent = '(new revision loaded)';
    if (S.view === 'article') {
      showSource(S.sourceId);
    }
    run(true);
  }

  function renderAuthoring(doc) {
    $('active-since').textContent = 'loaded ' + new Date(doc.loadedAt).toLocaleString();
    $('authoring-origin').textContent = doc.rules.watched
      ? 'Watching ' + doc.rules.origin + ': save a rule file and this page shows the new revision, or the problems that keep it from loading, within a second or two.'
      : 'Serving the ' + (doc.rules.origin === 'packaged' ? 'rules packaged in the jar' : 'rules of ' + doc.rules.origin)
        + '. To author rules, serve a directory: java -jar policy-advisor.jar serve --rules DIR.';
    const reload = $('last-reload');
    if (doc.reload) {
      const r = doc.reload;
      const failed = r.problems.length > 0;
      reload.textContent = failed
        ? 'revision ' + r.lastAttemptRevision + ' not activated (' + r.problems.length + (r.problems.length === 1 ? ' problem' : ' problems') + ') at '
          + new Date(r.lastAttempt).toLocaleTimeString() + '; still serving ' + r.activeRevision + '.'
        : r.reloads + (r.reloads === 1 ? ' reload' : ' reloads') + '; last checked ' + new Date(r.lastAttempt).toLocaleTimeString() + '.';
      const regressions = r.impact && r.impact.computed ? r.impact.summary.regressions : 0;
      if (r.impact) {
        reload.textContent += ' ' + impactText(r.impact);
      }
      reload.className = failed || regressions ? 'error' : '';
    } else {
      reload.textContent = 'not watching a directory';
      reload.className = '';
    }
    const body = clear($('problems').tBodies[0]);
    const diagnostics = doc.check.diagnostics;
    $('problems-count').textContent = (doc.check.pending ? '(checking the saved rules…) ' : '') + '(' + doc.check.errors + (doc.check.errors === 1 ? ' error, ' : ' errors, ') + doc.check.warnings
      + (doc.check.warnings === 1 ? ' warning' : ' warnings') + ', rules as saved: revision ' + doc.check.revision + ')';
    for (const d of diagnostics) {
      body.appendChild(h('tr', {class: d.severity},
        h('td', null, h('code', {class: 'where', text: d.file + ':' + d.line + ':' + d.col})),
        h('td', {text: d.severity}), h('td', {text: d.message}), h('td', null, d.rule ? h('code', {text: d.rule}) : '')));
    }
    if (!diagnostics.length) {
      body.appendChild(h('tr', null, h('td', {colspan: 4, text: 'check finds nothing.'})));
    }
    const tests = doc.tests;
    $('tests-count').textContent = '(' + tests.passed + ' passed, ' + tests.failed + ' failed, against revision ' + tests.revision + ')';
    const list = clear($('tests'));
    for (const o of tests.outcomes) {
      list.appendChild(h('li', {class: o.passed ? 'pass' : 'fail'},
        h('span', {class: 'mark ' + (o.passed ? 'added' : 'removed'), text: o.passed ? 'PASS' : 'FAIL'}), ' ',
        h('button', {
          type: 'button', class: 'link', text: o.name, 'aria-label': 'Open scenario ' + o.name,
          onclick: () => {
            $('start-from').value = o.name;
            showView('scenario', false);
            loadScenario(o.name);
          }
        }),
        o.failures.length ? h('ul', {class: 'failures'}, o.failures.map((f) => h('li', {text: f}))) : null));
    }
    if (!tests.outcomes.length) {
      list.appendChild(h('li', {class: 'empty', text: 'No scenario files in ' + tests.facts + '.'}));
    }
    $('untested').textContent = tests.untested.length
      ? 'Rules no scenario exercises (' + tests.untested.length + '): ' + tests.untested.join(', ') + '.'
      : 'Every rule is exercised by some scenario.';
    const trouble = doc.check.errors + tests.failed;
    $('authoring-badge').textContent = trouble ? String(trouble) : '';
    $('authoring-badge').setAttribute('aria-label', trouble ? trouble + ' problems' : '');
  }

  // ---------------------------------------------------------------- start

  async function start() {
    setupTabs();
    readUrl();
    $('fact-type').addEventListener('change', () => renderFields('fact'));
    $('whynot-type').addEventListener('change', () => renderFields('whynot'));
    $('add-fact').addEventListener('submit', addFact);
    $('whynot-form').addEventListener('submit', askWhyNot);
    $('load-scenario').addEventListener('click', () => loadScenario($('start-from').value));
    $('baseline').addEventListener('change', () => {
      S.scenario.baseline = $('baseline').value;
      changed();
    });
    $('run').addEventListener('click', () => run());
    $('export').addEventListener('click', exportScenario);
    $('import').addEventListener('change', (e) => {
      if (e.target.files.length) {
        importScenario(e.target.files[0]);
        e.target.value = '';
      }
    });
    $('copy-link').addEventListener('click', copyLink);
    $('source-select').addEventListener('change', () => showSource($('source-select').value));
    window.addEventListener('hashchange', () => {
      if (!location.hash.includes('=')) {
        return; // a link within the page (#answer-title), not a scenario
      }
      readUrl();
      renderScenarioChoices();
      renderSourceChecks();
      renderFacts();
      showView(S.view, false);
      run();
    });
    try {
      await loadCatalogue();
    } catch (e) {
      const error = $('load-error');
      error.textContent = 'The workbench could not read the service: ' + problemText(e);
      error.hidden = false;
      return;
    }
    renderFacts();
    showView(S.view, false);
    if (S.scenario.facts.length) {
      run();
    }
    pollStatus();
    pollAuthoring();
    document.body.setAttribute('data-ready', 'true');
  }

  document.addEventListener('DOMContentLoaded', start);
}());
