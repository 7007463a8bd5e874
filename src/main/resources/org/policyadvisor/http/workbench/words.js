// Facts in words: type names, actors, field values, and the keys that compare facts.

import {S} from './state.js';

export function words(type) {
  const s = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function actorName(code) {
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
export function orderedFields(type, fields) {
  const t = S.types.get(type);
  const names = t ? t.fields.map((f) => f.name).filter((n) => n in fields) : [];
  for (const n of Object.keys(fields)) {
    if (!names.includes(n)) {
      names.push(n);
    }
  }
  return names;
}

export function argsText(type, fields) {
  return orderedFields(type, fields).map((n) => n + ' ' + valueText(type, n, fields[n])).join(' · ');
}

export function factText(type, fields) {
  const args = argsText(type, fields || {});
  return words(type) + (args ? ' — ' + args : '');
}

/** Short form for the graph: Type(codes and values). */
export function shortFact(type, fields) {
  return type + '(' + orderedFields(type, fields).map((n) => String(fields[n])).join(', ') + ')';
}

export function fmt(x) {
  return typeof x === 'number' ? String(Math.round(x * 100) / 100) : '';
}

export function key(type, fields) {
  const f = fields || {};
  return type + JSON.stringify(Object.keys(f).sort().map((k) => [k, f[k]]));
}

/** A fact as a request carries it: {"type": ..., field: value}. */
export function requestFact(fact) {
  return Object.assign({type: fact.type}, fact.fields);
}

export function splitFact(raw) {
  const fields = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k !== 'type') {
      fields[k] = v;
    }
  }
  return {type: raw.type, fields: fields};
}

export function matches(pattern, type, fields) {
  if (pattern.type !== type) {
    return false;
  }
  return Object.entries(pattern.fields || {}).every(([k, v]) => fields[k] === v);
}
