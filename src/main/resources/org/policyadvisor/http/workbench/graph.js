// The derivation graph, drawn as SVG.

import {S} from './state.js';
import {$, h, svg, clear} from './dom.js';
import {orderedFields, factText, shortFact, fmt, key} from './words.js';
import {nodeIndex, explain} from './answer.js';

const NODE_W = 210;
const NODE_H = 42;
const COL_GAP = 170;
const ROW_GAP = 14;

export function renderGraph(a, added) {
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
