// Labels and formatting: the vocabulary's words (GET /api/vocabulary), dates, numbers, deadlines,
// badges, highlighted and expandable text.
import { api } from './api.js';
import { el } from './dom.js';

// The words of relations, roles and document types come from the server (GET /api/vocabulary, the
// parser's lists with their Vietnamese labels); until they arrive, or if they cannot, ids are shown.
const ROLE = {};
const RELATION = {};
export const RELATION_SHORT = {};
export let ROLES = [];
export let RELATION_ORDER = [];
export let DOCUMENT_TYPES = [];
export const BULLET_KINDS = new Set(['dash', 'plus', 'bullet', 'star']);
export const PAGE_SIZE = 20;

export const roleLabel = (r) => ROLE[r] || r || '';
export const relationLabel = (r) => RELATION[r] || r || '';

/// "2022-04-29" -> "29/04/2022", "2022-04" -> "04/2022"; anything else unchanged.
export function fmtDate(d) {
  if (!d) return '';
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(d);
  if (m) return `${m[2]}/${m[1]}`;
  return String(d);
}

export function fmtDateTime(s) {
  if (!s) return '';
  const t = new Date(s);
  if (Number.isNaN(t.getTime())) return String(s);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(t.getHours())}:${two(t.getMinutes())} ngày ${two(t.getDate())}/${two(t.getMonth() + 1)}/${t.getFullYear()}`;
}

export const fmtNumber = (n) => Number(n || 0).toLocaleString('vi-VN');

export function truncate(s, n) {
  s = String(s || '');
  return s.length <= n ? s : s.slice(0, n - 1).trimEnd() + '…';
}

/// "Kế hoạch 134/KH-UBND", or whatever of the two exists.
export function docLabel(d) {
  if (!d) return '';
  return [d.type, d.number].filter(Boolean).join(' ') || `Văn bản #${d.id}`;
}

export const docHref = (id) => `/documents/${encodeURIComponent(id)}`;
export const agencyHref = (id) => `/agencies/${encodeURIComponent(id)}`;
/// A number not in the database: its search, which says what cites it.
export const numberHref = (number) => `/search?q=${encodeURIComponent(number)}`;

/// A deadline {text, from, to} as one readable line.
export function fmtDeadline(dl) {
  if (!dl) return '';
  const range = dl.from && dl.to && dl.from !== dl.to
    ? `${fmtDate(dl.from)} – ${fmtDate(dl.to)}`
    : fmtDate(dl.to || dl.from);
  if (dl.text && range && !dl.text.includes(range)) return `${dl.text} (${range})`;
  return dl.text || range;
}

/// `text` with the [start, end) ranges of `ranges` wrapped in <mark>; bad or overlapping ranges are
/// skipped, so a wrong offset never hides text.
export function highlighted(text, ranges, markClass) {
  text = String(text || '');
  const frag = document.createDocumentFragment();
  const sorted = (ranges || [])
    .filter((r) => Array.isArray(r) && Number.isInteger(r[0]) && Number.isInteger(r[1]))
    .map(([a, b]) => [Math.max(0, a), Math.min(text.length, b)])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  let pos = 0;
  for (const [a, b] of sorted) {
    if (a < pos) continue;
    if (a > pos) frag.append(text.slice(pos, a));
    frag.append(el('mark', { class: markClass, text: text.slice(a, b) }));
    pos = b;
  }
  if (pos < text.length) frag.append(text.slice(pos));
  return frag;
}

/// A long text shown shortened, with a button that expands and collapses it.
export function expandable(text, limit = 240) {
  text = String(text || '');
  if (text.length <= limit) return el('span', { class: 'expandable', text });
  const body = el('span', { text: truncate(text, limit) });
  const button = el('button', { type: 'button', class: 'btn-inline', 'aria-expanded': 'false', text: 'Xem thêm' });
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    body.textContent = open ? text : truncate(text, limit);
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Thu gọn' : 'Xem thêm';
  });
  return el('span', { class: 'expandable' }, body, ' ', button);
}

export function roleBadge(role) {
  return el('span', { class: `badge role role-${role || 'unknown'}`, text: roleLabel(role) });
}

export function relationBadge(rel) {
  return el('span', { class: `badge rel rel-${rel || 'unknown'}`, text: relationLabel(rel) });
}

export const vocabularyReady = api('/api/vocabulary').then((v) => {
  for (const r of v.relations || []) {
    RELATION[r.id] = r.label;
    RELATION_SHORT[r.id] = r.short;
  }
  RELATION_ORDER = (v.relations || []).map((r) => r.id);
  for (const r of v.roles || []) ROLE[r.id] = r.label;
  ROLES = (v.roles || []).map((r) => r.id);
  DOCUMENT_TYPES = (v.document_types || []).map((t) => t.name);
}).catch(() => { /* labels fall back to the ids; the type list to "Loại khác…" */ });
