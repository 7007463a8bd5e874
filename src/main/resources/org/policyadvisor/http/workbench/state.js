// The workbench's state: what the service said, what is shown, and the scenario being built.

export const S = {
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

export const VIEWS = ['scenario', 'whynot', 'analysis', 'article', 'authoring'];
