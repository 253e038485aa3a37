// The search view: results with highlights, filters as chips, pages.
import { api, query } from './api.js';
import { el } from './dom.js';
import { PAGE_SIZE, docHref, fmtDate, fmtNumber, highlighted, relationBadge } from './labels.js';
import { announce, loading, navigate, setMain, setTitle } from './router.js';
import { yearOf } from './search_form.js';
import { docItem, emptyNote, pageOf, pager } from './view_common.js';
import { agencyItem } from './view_home.js';

// ---- search results

export async function viewSearch(ctx, params) {
  const q = (params.get('q') || '').trim();
  const page = pageOf(params);
  const filters = {
    type: params.get('type') || '',
    issuer: params.get('issuer') || '',
    from: params.get('from') || '',
    to: params.get('to') || '',
    agency: params.get('agency') || '',
    in: params.get('in') || '',
  };
  setTitle(q ? `Tìm “${q}”` : 'Lọc văn bản');
  loading('Đang tìm kiếm…');

  if (!q) {
    // Filters only: the document listing (newest first) narrowed by type, issuer and dates.
    const data = await api(`/api/documents${query({
      type: filters.type, issuer: filters.issuer, from: filters.from, to: filters.to,
      limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE,
    })}`, ctx.signal);
    if (!ctx.alive()) return;
    const docs = data.documents || [];
    announce(`${fmtNumber(data.total)} văn bản.`);
    setMain(el('section', { class: 'panel' },
      el('h1', { text: 'Văn bản theo bộ lọc' }),
      el('p', { class: 'summary', 'data-testid': 'result-total' }, `${fmtNumber(data.total)} văn bản`, filterChips(filters)),
      filters.agency || filters.in
        ? el('p', { class: 'hint', text: 'Bộ lọc “cơ quan được giao” và “phạm vi tìm” cần có từ khóa tìm kiếm.' }) : null,
      docs.length
        ? el('ol', { class: 'items', 'data-testid': 'results' }, docs.map((d) => docItem(d, 'result-item')))
        : emptyNote('Không có văn bản nào khớp bộ lọc.'),
      pager(params, page, data.total || 0, PAGE_SIZE)));
    return;
  }

  const data = await api(`/api/search${query({ q, ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`, ctx.signal);
  if (!ctx.alive()) return;

  if (Array.isArray(data.candidates)) {
    // The query was a document number.
    if (data.candidates.length === 1) {
      navigate(docHref(data.candidates[0].id), { replace: true });
      return;
    }
    setTitle(`Số hiệu “${q}”`);
    announce(`${data.candidates.length} văn bản mang số hiệu này.`);
    setMain(el('section', { class: 'panel' },
      el('h1', { text: `Văn bản mang số hiệu “${q}”` }),
      data.candidates.length
        ? [el('p', { class: 'summary', 'data-testid': 'result-total' }, `${data.candidates.length} văn bản có cùng số hiệu — chọn một văn bản:`),
          el('ol', { class: 'items', 'data-testid': 'results' }, data.candidates.map((d) => docItem(d, 'result-item')))]
        : emptyNote(`Không có văn bản nào mang số hiệu “${q}” trong cơ sở dữ liệu.`)));
    return;
  }

  const results = data.results || [];
  const total = data.total || 0;
  announce(`Tìm thấy ${fmtNumber(total)} kết quả.`);
  const agencyBox = el('aside', { class: 'panel side agency-suggest', hidden: true, 'aria-labelledby': 'suggest-h' });
  const citedBox = el('div', { class: 'notice cited-only', hidden: true, 'data-testid': 'cited-only' });
  setMain(el('div', { class: 'results-layout' },
    el('section', { class: 'panel', 'aria-labelledby': 'results-h' },
      el('h1', { id: 'results-h' }, 'Kết quả tìm kiếm ', el('q', { text: q })),
      el('p', { class: 'summary', 'data-testid': 'result-total' },
        total ? `Tìm thấy ${fmtNumber(total)} kết quả` : 'Không có kết quả', filterChips(filters)),
      data.ranked_as
        ? el('p', { class: 'summary ranked-as', 'data-testid': 'ranked-as' },
          'Xếp hạng như khi gõ có dấu: ', el('q', { text: data.ranked_as }), ' (vẫn tìm mọi cách viết)')
        : null,
      citedBox,
      results.length
        ? el('ol', { class: 'items', 'data-testid': 'results', start: (page - 1) * PAGE_SIZE + 1 }, results.map(resultItem))
        : el('div', { class: 'notice' },
          el('p', { text: 'Không tìm thấy văn bản nào. Thử bỏ bớt từ, bỏ bộ lọc, hoặc viết không dấu.' })),
      pager(params, page, total, PAGE_SIZE)),
    agencyBox));

  // A number that no document in the database holds but some cite ("25-KL/TW"): what cites it.
  if (page === 1 && /\d/.test(q) && /[A-Za-zĐđ]/.test(q) && q.length <= 40) {
    api(`/api/lookup${query({ number: q })}`, ctx.signal).then((l) => {
      const c = l.cited;
      if (!ctx.alive() || !c || !Array.isArray(c.cited_by) || !c.cited_by.length) return;
      citedBox.append(
        el('h2', {}, [c.type, c.number].filter(Boolean).join(' ')),
        el('p', { class: 'summary', 'data-testid': 'cited-only-note' },
          `Văn bản này chưa có trong cơ sở dữ liệu${c.date ? ` (ngày ${fmtDate(c.date)}${c.issuer ? `, ${c.issuer}` : ''})` : ''}; `
          + `${c.cited_by.length} văn bản dẫn chiếu đến nó:`),
        el('ol', { class: 'items' }, c.cited_by.map((x) => docItem(x.document, 'cited-by-item', [
          el('div', { class: 'item-section' }, relationBadge(x.relation), x.provision ? ` ${x.provision}` : null)]))));
      citedBox.hidden = false;
    }).catch(() => { /* the note is optional */ });
  }

  // Agencies whose name matches the query, as a shortcut to their assignments.
  if (page === 1) {
    api(`/api/agencies${query({ q })}`, ctx.signal).then((a) => {
      const list = (a.agencies || []).slice(0, 8);
      if (!ctx.alive() || !list.length) return;
      agencyBox.append(el('h2', { id: 'suggest-h', text: 'Cơ quan khớp từ khóa' }),
        el('ul', { class: 'agency-list' }, list.map(agencyItem)));
      agencyBox.hidden = false;
    }).catch(() => { /* the shortcut is optional */ });
  }
}

function resultItem(r) {
  const d = r.document || {};
  return docItem(d, 'result-item', [
    r.section_path ? el('div', { class: 'item-section' }, 'Mục ',
      el('a', { href: `${docHref(d.id)}#p-${encodeURIComponent(r.section_path)}`, class: 'path', title: 'Mở văn bản tại mục này', text: r.section_path })) : null,
    r.snippet ? el('p', { class: 'snippet' }, highlighted(r.snippet, r.highlights, 'hl')) : null,
  ]);
}

function filterChips(f) {
  const chips = [];
  const TYPES_IN = { title: 'trích yếu', text: 'nội dung', tasks: 'nhiệm vụ' };
  if (f.type) chips.push(`loại: ${f.type}`);
  if (f.issuer) chips.push(`ban hành: ${f.issuer}`);
  if (f.from || f.to) chips.push(`năm: ${yearOf(f.from) || '…'}–${yearOf(f.to) || '…'}`);
  if (f.agency) chips.push(`giao cho: ${f.agency}`);
  if (f.in) chips.push(`trong: ${TYPES_IN[f.in] || f.in}`);
  if (!chips.length) return null;
  return el('span', { class: 'chips' }, chips.map((c) => el('span', { class: 'chip', text: c })));
}
