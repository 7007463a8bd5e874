// Why not? What a consequence that did not follow still needs, and applying a suggested set of facts.

import {S} from './state.js';
import {$, h, clear, note} from './dom.js';
import {api, problemText} from './api.js';
import {words, argsText, factText, key, requestFact} from './words.js';
import {writeUrl} from './url.js';
import {showView} from './views.js';
import {renderTypeChoices, renderFields, readFields, fillFields} from './forms.js';
import {renderFacts, run} from './scenario.js';
import {openQuote} from './source.js';

export function renderWhyNotTypes() {
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

export async function askWhyNot(event) {
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
