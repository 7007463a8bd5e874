// The scenario, the view and the selected source live in the URL's fragment.

import {S, VIEWS} from './state.js';
import {note} from './dom.js';

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

export function writeUrl() {
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

export function readUrl() {
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
