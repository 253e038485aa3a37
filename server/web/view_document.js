// The document view: metadata, outline, text with sections and tasks, references both ways and the
// relation diagram.
import { api, errorContent } from './api.js';
import { el, svgEl } from './dom.js';
import { BULLET_KINDS, RELATION_ORDER, RELATION_SHORT, agencyHref, docHref, docLabel, expandable, fmtDate, fmtDateTime, fmtDeadline, numberHref, relationBadge, relationLabel, roleBadge, roleLabel, truncate } from './labels.js';
import { announce, loading, setMain, setTitle } from './router.js';
import { emptyNote } from './view_common.js';

// ---- document

export async function viewDocument(ctx, id) {
  setTitle('Văn bản');
  loading('Đang tải văn bản…');
  const base = `/api/documents/${encodeURIComponent(id)}`;
  const graphPromise = api(`${base}/graph?depth=1`, ctx.signal).catch((e) => {
    if (e.name === 'AbortError') throw e;
    return { error: e };
  });
  const data = await api(base, ctx.signal);
  const graph = await graphPromise;
  if (!ctx.alive()) return;

  const d = data.document || {};
  const sections = Array.isArray(data.sections) ? data.sections : [];
  const tasks = Array.isArray(data.tasks) ? data.tasks : [];
  const cites = Array.isArray(data.cites) ? data.cites : [];
  const citedBy = Array.isArray(data.cited_by) ? data.cited_by : [];
  const text = typeof data.text === 'string' ? data.text : '';
  setTitle(docLabel(d));
  announce(`Đã mở ${docLabel(d)}.`);

  const citeGroups = groupCites(cites);
  const citedByGroups = groupCitedBy(citedBy);

  const card = el('header', { class: 'doc-card' },
    el('p', { class: 'doc-kicker', text: d.type || 'Văn bản' }),
    el('h1', { 'data-testid': 'doc-heading' }, docLabel(d)),
    d.title ? el('p', { class: 'doc-title', 'data-testid': 'doc-title' },
      el('span', { class: 'visually-hidden', text: 'Trích yếu: ' }), d.title) : null,
    el('dl', { class: 'meta-grid' },
      metaRow('Số, ký hiệu', d.number ? el('span', { 'data-testid': 'doc-number', text: d.number })
        : el('span', { class: 'muted', 'data-testid': 'doc-number', text: 'không có số' })),
      metaRow('Loại văn bản', d.type),
      metaRow('Cơ quan ban hành', d.issuer),
      metaRow('Ngày ban hành', d.date ? el('time', { datetime: d.date, text: fmtDate(d.date) }) : null),
      metaRow('Nguồn', data.source_path ? el('span', { class: 'source', text: data.source_path }) : null),
      metaRow('Nhập lúc', data.imported_at ? fmtDateTime(data.imported_at) : null),
      metaRow('Tải về', downloads(d.id, tasks.length > 0))));

  const jump = el('nav', { class: 'jump', 'aria-label': 'Các phần của trang' },
    el('a', { href: '#luoc-do', text: 'Lược đồ' }),
    el('a', { href: '#can-cu', text: `Căn cứ, dẫn chiếu (${citeGroups.length})` }),
    el('a', { href: '#duoc-dan-chieu', text: `Được dẫn chiếu bởi (${citedByGroups.length})` }),
    el('a', { href: '#nhiem-vu', text: `Nhiệm vụ (${tasks.length})` }),
    el('a', { href: '#toan-van', text: 'Toàn văn' }));

  const diagram = el('section', { class: 'panel', id: 'luoc-do', 'aria-labelledby': 'luoc-do-h' },
    el('h2', { id: 'luoc-do-h', text: 'Lược đồ quan hệ' }),
    graph.error
      ? el('div', { class: 'notice error', role: 'alert' }, errorContent(graph.error, 'Không vẽ được lược đồ: '))
      : relationDiagram(d, graph, cites, citedBy));

  const citations = el('section', { class: 'panel', id: 'can-cu', 'aria-labelledby': 'can-cu-h' },
    el('h2', { id: 'can-cu-h', text: 'Căn cứ, dẫn chiếu' }),
    citeGroups.length
      ? el('ul', { class: 'cite-list', 'data-testid': 'citations' }, citeGroups.map(citationItem))
      : emptyNote('Văn bản không dẫn chiếu văn bản nào.'));

  const citedBySection = el('section', { class: 'panel', id: 'duoc-dan-chieu', 'aria-labelledby': 'dan-chieu-h' },
    el('h2', { id: 'dan-chieu-h', text: 'Được dẫn chiếu bởi' }),
    citedByGroups.length
      ? el('ul', { class: 'cite-list', 'data-testid': 'cited-by' }, citedByGroups.map((g) =>
        el('li', { class: 'cite', 'data-testid': 'cited-by-item', dataset: { id: g.document.id } },
          el('div', { class: 'cite-head' },
            el('a', { href: docHref(g.document.id), class: 'cite-number', text: docLabel(g.document) }),
            g.relations.map(relationBadge)),
          g.document.title ? el('div', { class: 'cite-title', text: g.document.title }) : null,
          el('div', { class: 'cite-meta muted', text: [g.document.issuer, fmtDate(g.document.date)].filter(Boolean).join(' · ') }))))
      : emptyNote('Chưa có văn bản nào trong cơ sở dữ liệu dẫn chiếu đến văn bản này.'));

  const tasksSection = el('section', { class: 'panel', id: 'nhiem-vu', 'aria-labelledby': 'nhiem-vu-h' },
    el('h2', { id: 'nhiem-vu-h', text: `Nhiệm vụ được giao (${tasks.length})` }),
    tasks.length ? taskTable(tasks) : emptyNote('Không nhận ra nhiệm vụ nào trong văn bản.'));

  const textSection = el('section', { class: 'panel', id: 'toan-van', 'aria-labelledby': 'toan-van-h' },
    el('h2', { id: 'toan-van-h', text: 'Toàn văn' }),
    tasks.length ? el('p', { class: 'hint' }, 'Các đoạn ', el('mark', { class: 'task', text: 'tô màu' }), ' là nhiệm vụ được giao.') : null,
    text ? documentText(text, sections, tasks) : emptyNote('Không có nội dung.'));

  const outline = outlineTree(sections);
  const sidebar = el('aside', { class: 'doc-sidebar', 'aria-labelledby': 'muc-luc-h' },
    el('div', { class: 'sidebar-head' },
      el('h2', { id: 'muc-luc-h', text: 'Mục lục' }),
      outline.expandable ? el('div', { class: 'outline-tools' },
        el('button', { type: 'button', class: 'btn-inline', text: 'Mở hết', on: { click: () => setAllDetails(sidebar, true) } }),
        el('button', { type: 'button', class: 'btn-inline', text: 'Thu gọn', on: { click: () => setAllDetails(sidebar, false) } })) : null),
    outline.node);

  setMain(
    el('nav', { class: 'breadcrumb', 'aria-label': 'Vị trí' },
      el('a', { href: '/', text: 'Trang chủ' }), el('span', { 'aria-hidden': 'true', text: ' › ' }),
      el('span', { 'aria-current': 'page', text: docLabel(d) })),
    el('div', { class: 'doc-layout' },
      sidebar,
      el('article', { class: 'doc-main', 'data-testid': 'document' },
        card, jump, diagram, citations, citedBySection, tasksSection, textSection)));
}

// The document for other programs: its tasks as CSV for a spreadsheet (Vietnamese headers), Akoma
// Ntoso XML, Markdown.
function downloads(id, hasTasks) {
  if (id === undefined || id === null) return null;
  const base = `/api/documents/${encodeURIComponent(id)}`;
  const link = (href, text, file, testid) => el('a', { href, download: file, 'data-testid': testid, text });
  return el('span', { class: 'downloads' },
    hasTasks ? link(`${base}?format=csv&lang=vi`, 'Nhiệm vụ (CSV)', `nhiem-vu-${id}.csv`, 'download-csv') : null,
    hasTasks ? ' · ' : null,
    link(`${base}?format=akn`, 'Akoma Ntoso (XML)', `van-ban-${id}.akn.xml`, 'download-akn'),
    ' · ',
    link(`${base}?format=md`, 'Markdown', `van-ban-${id}.md`, 'download-md'));
}

export function metaRow(label, value) {
  if (value === null || value === undefined || value === '') return null;
  return [el('dt', { text: label }), el('dd', {}, value)];
}

function setAllDetails(root, open) {
  for (const det of root.querySelectorAll('details')) det.open = open;
}

/// Citations grouped by the document they name (number_key), in the order they first appear; a
/// number cited as "căn cứ" and again as "dẫn chiếu" is one entry with both relations.
function groupCites(cites) {
  const groups = new Map();
  for (const c of cites) {
    const key = c.resolved ? `d${c.resolved.id}` : `n${c.number_key || c.number || ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { number: c.number, date: c.date, resolved: c.resolved || null, relations: [], count: 0 };
      groups.set(key, g);
    }
    g.count += 1;
    if (!g.date && c.date) g.date = c.date;
    if (c.relation && !g.relations.includes(c.relation)) g.relations.push(c.relation);
  }
  const rank = (g) => Math.min(...g.relations.map((r) => {
    const i = RELATION_ORDER.indexOf(r);
    return i < 0 ? RELATION_ORDER.length : i;
  }), RELATION_ORDER.length);
  return [...groups.values()]
    .map((g, i) => ({ ...g, i }))
    .sort((a, b) => (rank(a) === rank(b) ? a.i - b.i : rank(a) - rank(b)));
}

function groupCitedBy(citedBy) {
  const groups = new Map();
  for (const c of citedBy) {
    if (!c.document) continue;
    let g = groups.get(c.document.id);
    if (!g) {
      g = { document: c.document, relations: [] };
      groups.set(c.document.id, g);
    }
    if (c.relation && !g.relations.includes(c.relation)) g.relations.push(c.relation);
  }
  return [...groups.values()];
}

function citationItem(g) {
  const r = g.resolved;
  const number = g.number || (r && r.number) || '(không số)';
  const head = el('div', { class: 'cite-head' },
    r ? el('a', { href: docHref(r.id), class: 'cite-number', text: number })
      : g.number ? el('a', { href: numberHref(g.number), class: 'cite-number', title: 'Các văn bản dẫn chiếu đến số này', text: number })
        : el('span', { class: 'cite-number', text: number }),
    g.relations.map(relationBadge),
    g.count > 1 ? el('span', { class: 'muted small', text: `${g.count} lần` }) : null);
  const details = r
    ? [r.title ? el('div', { class: 'cite-title', text: r.title }) : null,
      el('div', { class: 'cite-meta muted', text: [r.type, r.issuer, fmtDate(r.date)].filter(Boolean).join(' · ') })]
    : [el('div', { class: 'cite-meta' },
      el('span', { class: 'missing-note', text: 'chưa có trong cơ sở dữ liệu' }),
      g.date ? el('span', { class: 'muted', text: ` · ngày ${fmtDate(g.date)}` }) : null)];
  return el('li', {
    class: r ? 'cite resolved' : 'cite missing',
    'data-testid': 'citation',
    dataset: { number, resolved: r ? 'true' : 'false' },
  }, head, details);
}

/// The outline: sections that have a heading or are not bullets, nested by depth (a section's
/// children are the sections after it with a greater depth), as <details> that open and close.
function outlineTree(sections) {
  const depthOf = (s) => (Number.isInteger(s.depth) ? s.depth : String(s.path || '').split('.').length - 1);
  const root = { children: [] };
  const stack = [{ depth: -Infinity, node: root }];
  sections.forEach((s, i) => {
    const shown = (s.heading && s.heading.trim()) || !BULLET_KINDS.has(s.kind);
    if (!shown) return;
    const depth = depthOf(s);
    while (stack.length > 1 && stack[stack.length - 1].depth >= depth) stack.pop();
    const node = { s, i, children: [] };
    stack[stack.length - 1].node.children.push(node);
    stack.push({ depth, node });
  });
  if (!root.children.length) {
    return { node: el('p', { class: 'muted small', 'data-testid': 'outline', text: 'Văn bản không chia mục.' }), expandable: false };
  }
  let expandable = false;
  const entry = (n) => {
    const link = el('a', { href: `#s-${n.i}`, class: 'outline-link' },
      el('span', { class: 'path', text: n.s.path || '' }),
      el('span', { class: 'heading', text: n.s.heading || kindName(n.s.kind) }));
    if (n.s.heading && n.s.heading.length > 60) link.title = n.s.heading;
    const li = el('li', { 'data-testid': 'outline-entry', dataset: { path: n.s.path || '' } });
    if (n.children.length) {
      expandable = true;
      li.append(el('details', {}, el('summary', {}, link),
        el('ul', {}, n.children.map(entry))));
    } else {
      li.classList.add('leaf');
      li.append(link);
    }
    return li;
  };
  const list = el('ul', { class: 'outline-root' }, root.children.map(entry));
  return { node: el('nav', { class: 'outline', 'data-testid': 'outline', 'aria-label': 'Mục lục văn bản' }, list), expandable };
}

function kindName(kind) {
  return ({
    chuong: 'Chương', dieu: 'Điều', phan: 'Phần', muc: 'Mục', khoan: 'Khoản', diem: 'Điểm',
    roman: 'Mục', arabic: 'Mục', decimal: 'Mục', letter: 'Điểm', dash: 'Ý', plus: 'Ý',
  })[kind] || 'Mục';
}

/// The text as a tree of spans over [start, end) ranges (UTF-16 offsets into `text`):
///  - each task in <mark class="task" id="t-<index>">; tasks do not overlap one another, and one that
///    would (a bad offset) is left unmarked rather than breaking the text;
///  - the heading line of each numbered section in <span class="sec-head">, when it lies inside one
///    task or outside all of them (never across a task's edge);
///  - an empty anchor at every section start: #s-<index>, and #p-<path> for the first section (else
///    the first task) with that path, which search results link to.
/// Invariant of the loop: `stack` holds the open ranges, each inside the one below it, and `pos`
/// never passes the end of the innermost one.
function documentText(text, sections, tasks) {
  const box = el('div', { class: 'doc-text', 'data-testid': 'document-text', lang: 'vi' });
  const len = text.length;
  const valid = (a, b) => Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b <= len && a < b;

  const marks = [];
  tasks.forEach((t, i) => { if (valid(t.start, t.end)) marks.push({ a: t.start, b: t.end, i, t }); });
  marks.sort((x, y) => x.a - y.a);
  const kept = [];
  for (const m of marks) if (!kept.length || m.a >= kept[kept.length - 1].b) kept.push(m);

  const crosses = (a, b) => kept.some((m) => (m.a > a && m.a < b) || (m.b > a && m.b < b));
  const heads = [];
  sections.forEach((s) => {
    if (BULLET_KINDS.has(s.kind) || !s.heading || !valid(s.start, s.end)) return;
    const nl = text.indexOf('\n', s.start);
    const b = Math.min(nl < 0 ? len : nl, s.end);
    if (b <= s.start || crosses(s.start, b)) return;
    if (heads.length && s.start < heads[heads.length - 1].b) return;
    heads.push({ a: s.start, b, depth: Number.isInteger(s.depth) ? s.depth : String(s.path || '').split('.').length - 1 });
  });

  const opens = [
    ...kept.map((m) => ({ a: m.a, b: m.b, rank: 0, make: () => {
      const agencies = (m.t.agencies || []).map((x) => `${x.name} (${roleLabel(x.role)})`).join('; ');
      return el('mark', { class: 'task', id: `t-${m.i}`, title: `Nhiệm vụ ${m.t.path || ''}${agencies ? ` — ${agencies}` : ''}` });
    } })),
    ...heads.map((h) => ({ a: h.a, b: h.b, rank: 1, make: () => el('span', { class: `sec-head d${Math.min(h.depth, 3)}` }) })),
  ].sort((x, y) => x.a - y.a || x.rank - y.rank);

  const anchors = [];
  const byPath = new Set();
  sections.forEach((s, i) => {
    if (!Number.isInteger(s.start) || s.start < 0 || s.start > len) return;
    anchors.push({ at: s.start, order: i, id: `s-${i}` });
    if (s.path && !byPath.has(s.path)) {
      byPath.add(s.path);
      anchors.push({ at: s.start, order: i, id: `p-${s.path}` });
    }
  });
  kept.forEach((m) => {
    if (m.t.path && !byPath.has(m.t.path)) {
      byPath.add(m.t.path);
      anchors.push({ at: m.a, order: sections.length + m.i, id: `p-${m.t.path}` });
    }
  });
  anchors.sort((x, y) => x.at - y.at || x.order - y.order);

  const stack = [{ node: box, b: len }];
  let pos = 0;
  let oi = 0;
  let ai = 0;
  for (;;) {
    const top = stack[stack.length - 1];
    const nextOpen = oi < opens.length ? opens[oi].a : Infinity;
    const nextAnchor = ai < anchors.length ? anchors[ai].at : Infinity;
    const next = Math.min(top.b, nextOpen, nextAnchor);
    if (next > pos) top.node.append(text.slice(pos, next));
    pos = Math.max(pos, next);
    if (stack.length > 1 && top.b === next) {
      stack.pop();
    } else if (nextAnchor === next) {
      top.node.append(el('span', { class: 'anchor', id: anchors[ai].id }));
      ai += 1;
    } else if (nextOpen === next && opens[oi].b <= top.b) {
      const node = opens[oi].make();
      top.node.append(node);
      stack.push({ node, b: opens[oi].b });
      oi += 1;
    } else if (nextOpen === next) {
      oi += 1; // would cross the range it starts in: left out
    } else {
      break; // next === len with nothing left to open or anchor there
    }
  }
  return box;
}

function taskTable(tasks) {
  const rows = tasks.map((t, i) => {
    const agencies = Array.isArray(t.agencies) ? t.agencies : [];
    return el('tr', { dataset: { path: t.path || '' } },
      el('td', { class: 'path-cell' },
        el('a', { href: `#t-${i}`, class: 'path', title: 'Xem trong toàn văn', text: t.path || '—' })),
      el('td', { class: 'text-cell' }, expandable(t.text, 180)),
      el('td', { class: 'agency-cell' }, agencies.length
        ? el('ul', { class: 'agency-roles' }, agencies.map((a) => el('li', {},
          a.id ? el('a', { href: agencyHref(a.id), 'data-testid': 'task-agency', dataset: { agencyId: a.id }, text: a.name || a.id })
            : el('span', { text: a.name || '' }),
          ' ', roleBadge(a.role))))
        : el('span', { class: 'muted', text: '—' })),
      el('td', { class: 'deadline-cell' }, t.deadline ? fmtDeadline(t.deadline) : el('span', { class: 'muted', text: '—' })));
  });
  return el('div', { class: 'table-wrap' },
    el('table', { class: 'data-table tasks-table', 'data-testid': 'tasks-table' },
      el('caption', { class: 'visually-hidden', text: 'Nhiệm vụ được giao trong văn bản' }),
      el('colgroup', {}, el('col', { class: 'c-path' }), el('col', { class: 'c-text' }),
        el('col', { class: 'c-agency' }), el('col', { class: 'c-deadline' })),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: 'Mục' }),
        el('th', { scope: 'col', text: 'Nhiệm vụ' }),
        el('th', { scope: 'col', text: 'Cơ quan được giao' }),
        el('th', { scope: 'col', text: 'Thời hạn' }))),
      el('tbody', {}, rows)));
}

/// The relationship diagram: the document in the middle; what it cites (căn cứ, triển khai, sửa đổi,
/// thay thế, …) on the left, what cites it on the right. Arrows point from the citing document to
/// the cited one and carry the relation. A cited number not in the database is drawn dashed.
function relationDiagram(doc, graph, cites, citedBy) {
  const nodes = new Map((graph.nodes || []).map((n) => [n.id, n]));
  const left = new Map();
  const right = new Map();
  const add = (side, key, item, relation) => {
    let x = side.get(key);
    if (!x) {
      x = { ...item, relations: [] };
      side.set(key, x);
    }
    if (relation && !x.relations.includes(relation)) x.relations.push(relation);
  };
  for (const e of graph.edges || []) {
    if (e.from === doc.id && e.to !== doc.id) add(left, `d${e.to}`, { doc: nodes.get(e.to) || { id: e.to } }, e.relation);
    else if (e.to === doc.id && e.from !== doc.id) add(right, `d${e.from}`, { doc: nodes.get(e.from) || { id: e.from } }, e.relation);
  }
  for (const c of cites) {
    if (c.resolved) {
      if (c.resolved.id !== doc.id) add(left, `d${c.resolved.id}`, { doc: c.resolved }, c.relation);
    } else {
      add(left, `n${c.number_key || c.number}`, { missing: true, number: c.number, date: c.date }, c.relation);
    }
  }
  for (const c of citedBy) {
    if (c.document && c.document.id !== doc.id) add(right, `d${c.document.id}`, { doc: c.document }, c.relation);
  }
  const last = RELATION_ORDER.length;
  const rank = (x) => Math.min(...x.relations.map((r) => {
    const i = RELATION_ORDER.indexOf(r);
    return i < 0 ? last : i;
  }), last) + (x.missing ? last + 1 : 0);
  const order = (m) => [...m.values()].map((x, i) => ({ ...x, i })).sort((a, b) => rank(a) - rank(b) || a.i - b.i);
  const MAX = 12;
  const cap = (list, more) => (list.length <= MAX ? list
    : [...list.slice(0, MAX - 1), { more: list.length - (MAX - 1), href: more }]);
  const L = cap(order(left), '#can-cu');
  const R = cap(order(right), '#duoc-dan-chieu');

  // Geometry (viewBox units): three columns with room between them for the edges and their labels.
  const W = 960;
  const sideW = 228;
  const nodeH = 44;
  const gap = 10;
  const top = 34;
  const rows = Math.max(L.length, R.length, 3);
  const H = top + rows * (nodeH + gap) + 6;
  const cW = 240;
  const cH = Math.min(Math.max(80, rows * 14), 180);
  const cx = (W - cW) / 2;
  const cy = top + (rows * (nodeH + gap) - gap) / 2 - cH / 2;
  const lx = 6;
  const rx = W - 6 - sideW;

  const s = svgEl('svg', {
    class: 'diagram', viewBox: `0 0 ${W} ${H}`, width: '100%', 'data-testid': 'diagram',
    'aria-labelledby': 'luoc-do-h', preserveAspectRatio: 'xMidYMin meet',
  });
  s.append(svgEl('defs', {},
    svgEl('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto' },
      svgEl('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }))));
  s.append(svgEl('text', { x: lx, y: 16, class: 'col-title', text: 'Căn cứ, dẫn chiếu' }));
  s.append(svgEl('text', { x: W - 6, y: 16, class: 'col-title', 'text-anchor': 'end', text: 'Được dẫn chiếu bởi' }));

  const columnY = (n, i) => top + ((rows - n) * (nodeH + gap)) / 2 + i * (nodeH + gap);
  // Where the i-th of n edges meets the middle node: spread along its side, in the same order.
  const portY = (n, i) => (n <= 1 ? cy + cH / 2 : cy + 12 + ((cH - 24) * i) / (n - 1));
  const edges = svgEl('g', { class: 'edges' });
  const labels = svgEl('g', { class: 'edge-labels' });
  const boxes = svgEl('g', { class: 'nodes' });
  s.append(edges, labels, boxes);

  const nodeBox = (x, y, w, h, item) => {
    if (item.more) {
      return svgEl('a', { href: item.href, class: 'node more', 'aria-label': `${item.more} văn bản khác: xem danh sách` },
        svgEl('rect', { x, y, width: w, height: h, rx: 6 }),
        svgEl('text', { x: x + w / 2, y: y + h / 2 + 5, 'text-anchor': 'middle', class: 'n1', text: `+ ${item.more} văn bản khác` }));
    }
    const d = item.doc || {};
    const line1 = item.missing ? item.number || '(không số)' : d.number || docLabel(d);
    const line2 = item.missing
      ? ['chưa có trong CSDL', fmtDate(item.date)].filter(Boolean).join(' · ')
      : [d.type, fmtDate(d.date)].filter(Boolean).join(' · ');
    const title = item.missing
      ? `${line1} — chưa có trong cơ sở dữ liệu`
      : [docLabel(d), d.title, d.issuer].filter(Boolean).join(' — ');
    const content = [
      svgEl('title', { text: title }),
      svgEl('rect', { x, y, width: w, height: h, rx: 6 }),
      svgEl('text', { x: x + 10, y: y + 18, class: 'n1', text: truncate(line1, 27) }),
      svgEl('text', { x: x + 10, y: y + 35, class: 'n2', text: truncate(line2, 34) }),
    ];
    if (item.missing && !item.number) return svgEl('g', { class: 'node missing', 'data-testid': 'diagram-node' }, content);
    if (item.missing) {
      // Not in the database: its search says what else cites it.
      return svgEl('a', { href: numberHref(item.number), class: 'node missing', 'data-testid': 'diagram-node', 'aria-label': title }, content);
    }
    return svgEl('a', { href: docHref(d.id), class: 'node', 'data-testid': 'diagram-node', 'aria-label': title }, content);
  };

  const curve = (x1, y1, x2, y2) => {
    const mx = (x1 + x2) / 2;
    return `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
  };
  // The relation, just above the edge where it leaves the side node (edges run level there and
  // are one node apart, so labels never collide).
  const label = (x, y, anchor, item) => {
    const t = item.relations.map((r) => RELATION_SHORT[r] || relationLabel(r)).join(', ');
    if (t) labels.append(svgEl('text', { x, y: y - 6, 'text-anchor': anchor, class: 'edge-label', text: truncate(t, 24) }));
  };

  // Left: this document -> what it cites (the arrow ends at the cited document).
  L.forEach((item, i) => {
    const y = columnY(L.length, i);
    boxes.append(nodeBox(lx, y, sideW, nodeH, item));
    if (item.more) return;
    const [x1, y1, x2, y2] = [cx, portY(L.length, i), lx + sideW + 1, y + nodeH / 2];
    edges.append(svgEl('path', { d: curve(x1, y1, x2, y2), class: `edge${item.missing ? ' missing' : ''}`, 'marker-end': 'url(#arrow)' }));
    label(x2 + 10, y2, 'start', item);
  });
  // Right: what cites this document -> this document.
  R.forEach((item, i) => {
    const y = columnY(R.length, i);
    boxes.append(nodeBox(rx, y, sideW, nodeH, item));
    if (item.more) return;
    const [x1, y1, x2, y2] = [rx, y + nodeH / 2, cx + cW + 1, portY(R.length, i)];
    edges.append(svgEl('path', { d: curve(x1, y1, x2, y2), class: 'edge incoming', 'marker-end': 'url(#arrow)' }));
    label(x1 - 8, y1, 'end', item);
  });
  const placeholder = (x, text) => {
    const y = top + (rows * (nodeH + gap) - gap) / 2 - nodeH / 2;
    boxes.append(svgEl('g', { class: 'node empty' },
      svgEl('rect', { x, y, width: sideW, height: nodeH, rx: 6 }),
      svgEl('text', { x: x + sideW / 2, y: y + nodeH / 2 + 4, 'text-anchor': 'middle', class: 'n2', text })));
  };
  if (!L.length) placeholder(lx, 'Không dẫn chiếu văn bản nào');
  if (!R.length) placeholder(rx, 'Chưa có văn bản nào dẫn chiếu');

  // The document itself.
  const cLines = [
    [truncate(doc.number || docLabel(doc), 26), 'n1'],
    [truncate([doc.type, fmtDate(doc.date)].filter(Boolean).join(' · '), 32), 'n2'],
    [truncate(doc.issuer || '', 34), 'n2'],
  ].filter(([t]) => t);
  const firstY = cy + cH / 2 - ((cLines.length - 1) * 18) / 2 + 5;
  boxes.append(svgEl('g', { class: 'node center' },
    svgEl('title', { text: [docLabel(doc), doc.title].filter(Boolean).join(' — ') }),
    svgEl('rect', { x: cx, y: cy, width: cW, height: cH, rx: 8 }),
    cLines.map(([t, c], i) => svgEl('text', { x: cx + cW / 2, y: firstY + i * 18, 'text-anchor': 'middle', class: c, text: t }))));

  const legend = el('p', { class: 'legend' },
    el('span', { class: 'legend-item solid' }, 'có trong cơ sở dữ liệu (bấm để mở)'),
    el('span', { class: 'legend-item dashed' }, 'chưa có trong cơ sở dữ liệu'),
    el('span', { class: 'legend-item arrow' }, 'mũi tên: văn bản dẫn chiếu → văn bản được dẫn chiếu'));
  return el('figure', { class: 'diagram-wrap' }, s, legend);
}
