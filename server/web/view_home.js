// The home view: recent documents and the agency look-up.
import { api, errorContent, query } from './api.js';
import { el } from './dom.js';
import { PAGE_SIZE, ROLES, agencyHref, fmtNumber, roleLabel } from './labels.js';
import { announce, replaceUrl, setMain, setTitle } from './router.js';
import { docItem, emptyNote, pageOf, pager } from './view_common.js';

// ---- home: recent documents and the agency lookup

export async function viewHome(ctx, params) {
  setTitle('');
  const page = pageOf(params);
  const recent = el('section', { class: 'panel', 'aria-labelledby': 'recent-h' },
    el('h1', { id: 'recent-h', text: 'Văn bản mới' }),
    el('div', { class: 'loading', role: 'status' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Đang tải danh sách văn bản…'));
  const lookup = agencyLookup(params.get('coquan') || '');
  setMain(el('div', { class: 'home' }, recent, lookup.node));
  announce('Đang tải danh sách văn bản…');
  lookup.start(ctx);

  let data;
  try {
    data = await api(`/api/documents${query({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`, ctx.signal);
  } catch (e) {
    if (e.name === 'AbortError' || !ctx.alive()) throw e;
    recent.replaceChildren(recent.firstChild,
      el('div', { class: 'notice error', role: 'alert', 'data-testid': 'error' }, errorContent(e)));
    announce(`Lỗi: ${e.message}`);
    return;
  }
  if (!ctx.alive()) return;
  const docs = data.documents || [];
  announce(`Có ${fmtNumber(data.total)} văn bản.`);
  recent.replaceChildren(
    recent.firstChild,
    el('p', { class: 'summary' }, `Cơ sở dữ liệu có ${fmtNumber(data.total)} văn bản, mới nhất trước.`),
    docs.length
      ? el('ol', { class: 'items', 'data-testid': 'document-list' }, docs.map((d) => docItem(d, 'document-item')))
      : emptyNote('Chưa có văn bản nào. Nhập văn bản bằng lệnh “vanban import THƯ_MỤC --db FILE”.'),
    pager(params, page, data.total || 0, PAGE_SIZE));
}

/// The "Tra cứu cơ quan" box: a name (diacritics optional, abbreviations) -> agencies with their
/// task counts, each linking to its page. The typed name is kept in the URL (?coquan=).
function agencyLookup(initial) {
  const input = el('input', {
    id: 'agency-q', type: 'search', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'ví dụ: so y te, SYT Hà Nội', 'data-testid': 'agency-search-input',
  });
  input.value = initial;
  const results = el('div', { class: 'agency-results', 'data-testid': 'agency-results' });
  const lookupForm = el('form', { class: 'inline-form', role: 'search', 'aria-label': 'Tra cứu cơ quan' },
    el('label', { for: 'agency-q', text: 'Tên cơ quan, có dấu hoặc không dấu, hoặc viết tắt' }),
    el('div', { class: 'search-row small' }, input, el('button', { type: 'submit', class: 'btn', text: 'Tra cứu' })));
  const node = el('section', { class: 'panel side', id: 'tra-cuu-co-quan', 'aria-labelledby': 'agency-h', dataset: { focus: 'agency-q' } },
    el('h2', { id: 'agency-h', text: 'Tra cứu cơ quan' }),
    el('p', { class: 'hint', text: 'Xem mọi nhiệm vụ được giao cho một cơ quan: chủ trì, phối hợp, đề nghị.' }),
    lookupForm, results);

  let ctx = null;
  let timer = 0;
  let seq = 0;
  async function run() {
    const q = input.value.trim();
    const mine = ++seq;
    if (ctx) {
      const u = new URL(location.href);
      if (q) u.searchParams.set('coquan', q);
      else u.searchParams.delete('coquan');
      if (u.pathname === location.pathname && ctx.alive()) replaceUrl(u.pathname + u.search + u.hash);
    }
    if (!q) {
      results.replaceChildren();
      return;
    }
    results.replaceChildren(el('p', { class: 'loading small', role: 'status', text: 'Đang tìm…' }));
    try {
      const data = await api(`/api/agencies${query({ q })}`, ctx && ctx.signal);
      if (mine !== seq) return;
      const list = data.agencies || [];
      results.replaceChildren(list.length
        ? el('ul', { class: 'agency-list' }, list.slice(0, 30).map((a) => agencyItem(a)))
        : emptyNote(`Không có cơ quan nào khớp “${q}”.`));
      if (list.length > 30) results.append(el('p', { class: 'hint', text: `Và ${list.length - 30} cơ quan khác — gõ cụ thể hơn.` }));
    } catch (e) {
      if (e.name === 'AbortError' || mine !== seq) return;
      results.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, errorContent(e)));
    }
  }
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  lookupForm.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    run();
  });
  return {
    node,
    start(c) {
      ctx = c;
      if (initial) run();
    },
  };
}

export function agencyItem(a) {
  const ag = a.agency || {};
  const t = a.tasks || {};
  const counts = ROLES
    .filter((r) => t[r])
    .map((r) => `${t[r]} ${roleLabel(r)}`).join(' · ');
  const inherited = a.inherited_tasks ? ` (${a.inherited_tasks} của cơ quan tiền thân)` : '';
  return el('li', { 'data-testid': 'agency-item', dataset: { agencyId: ag.id || '' } },
    el('a', { href: agencyHref(ag.id), text: ag.name || ag.id }),
    ag.place && !String(ag.name || '').includes(ag.place) ? el('span', { class: 'muted', text: ` — ${ag.place}` }) : null,
    ag.successor ? el('span', { class: 'muted', 'data-testid': 'agency-successor', text: ` — nay là ${ag.successor.name}` }) : null,
    el('div', { class: 'counts', text: (counts || 'chưa có nhiệm vụ') + inherited }));
}
