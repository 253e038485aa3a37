// Pieces the views share: pages, document items, empty notes.
import { el } from './dom.js';
import { docHref, docLabel, fmtDate } from './labels.js';

// ---------------------------------------------------------------------------------------------
// 5. Views

// ---- shared pieces

export function pageOf(params) {
  const p = parseInt(params.get('page') || '1', 10);
  return Number.isFinite(p) && p > 0 ? p : 1;
}

/// "Trang trước / Trang n/m / Trang sau" as links to the same URL with another `page`.
export function pager(params, page, total, pageSize) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return null;
  const hrefFor = (p) => {
    const q = new URLSearchParams(params);
    if (p <= 1) q.delete('page');
    else q.set('page', String(p));
    const s = q.toString();
    return location.pathname + (s ? `?${s}` : '');
  };
  const prev = page > 1
    ? el('a', { class: 'btn', href: hrefFor(page - 1), rel: 'prev', 'data-testid': 'page-prev' }, '← Trang trước')
    : el('span', { class: 'btn disabled', 'aria-disabled': 'true' }, '← Trang trước');
  const next = page < pages
    ? el('a', { class: 'btn', href: hrefFor(page + 1), rel: 'next', 'data-testid': 'page-next' }, 'Trang sau →')
    : el('span', { class: 'btn disabled', 'aria-disabled': 'true' }, 'Trang sau →');
  return el('nav', { class: 'pager', 'aria-label': 'Phân trang' },
    prev, el('span', { class: 'pager-info', text: `Trang ${page} / ${pages}` }), next);
}

/// One line of metadata: number · type · date · issuer.
function docMeta(d, numberTestId) {
  const parts = [];
  if (d.number) parts.push(el('span', { class: 'doc-number', 'data-testid': numberTestId, text: d.number }));
  if (d.type) parts.push(el('span', { class: 'doc-type', text: d.type }));
  if (d.date) parts.push(el('span', { class: 'doc-date' }, el('time', { datetime: d.date, text: fmtDate(d.date) })));
  if (d.issuer) parts.push(el('span', { class: 'doc-issuer', text: d.issuer }));
  return el('div', { class: 'item-meta' }, parts);
}

/// A document in a list: metadata line, then its title as the link to it.
export function docItem(d, testid, extra) {
  return el('li', { class: 'item', 'data-testid': testid, dataset: { id: d.id } },
    docMeta(d, testid === 'result-item' ? 'result-number' : null),
    el('h2', { class: 'item-title' },
      el('a', { href: docHref(d.id), text: d.title || docLabel(d) })),
    extra);
}

export function emptyNote(text) {
  return el('p', { class: 'notice', text });
}
