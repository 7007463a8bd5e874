// The tabs and their views.

import {S, VIEWS} from './state.js';
import {$} from './dom.js';
import {writeUrl} from './url.js';
import {renderWhyNotTypes} from './whynot.js';
import {showSource} from './source.js';
import {showAnalysis} from './analysis.js';

export function showView(view, focus, rule) {
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
  if (view === 'analysis') {
    showAnalysis();
  }
  writeUrl();
}

export function setupTabs() {
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
