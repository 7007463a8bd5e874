// Authoring: the active revision, the problems of the last reload and of check, and the scenario tests.

import {S} from './state.js';
import {$, h, clear} from './dom.js';
import {api} from './api.js';
import {showView} from './views.js';
import {loadCatalogue} from './forms.js';
import {loadScenario, run} from './scenario.js';
import {showSource} from './source.js';
import {showAnalysis} from './analysis.js';


// The revision and the problems of the last reload come from /v1/status, polled every half second: it is cheap,
// and shows a saved edit as soon as the server has tried it. The authoring document (check, scenario tests) is
// fetched when they change, and every few seconds in case only a document or a scenario file changed.
let statusKey = '';
let authoringBusy = false;
let authoringAgain = false;

export async function pollStatus() {
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

export async function pollAuthoring() {
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
        if (doc.check.pending || (doc.reload && doc.reload.impact && doc.reload.impact.pending)) {
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
  if (i.pending) {
    return head + 'impact being computed\u2026';
  }
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
  if (S.view === 'analysis') {
    showAnalysis();
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
