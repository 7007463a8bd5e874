// The analysts' workbench: a single page over the public /v1 API of this server. Plain JavaScript modules, no
// build step, nothing loaded from another host. The scenario, the view and the selected source live in the URL's
// fragment.

import {S} from './state.js';
import {$} from './dom.js';
import {problemText} from './api.js';
import {readUrl} from './url.js';
import {showView, setupTabs} from './views.js';
import {loadCatalogue, renderScenarioChoices, renderFields, renderSourceChecks} from './forms.js';
import {renderFacts, changed, loadScenario, addFact, run, exportScenario, importScenario, copyLink} from './scenario.js';
import {askWhyNot} from './whynot.js';
import {showSource} from './source.js';
import {pollStatus, pollAuthoring} from './authoring.js';
import {setupAnalysis} from './analysis.js';

async function start() {
  setupTabs();
  setupAnalysis();
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
