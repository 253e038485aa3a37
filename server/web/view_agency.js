// The agency view: its tasks by document, role and deadline; succession after the 2025 reorganisation.
import { api, query } from './api.js';
import { el } from './dom.js';
import { ROLES, agencyHref, docHref, docLabel, expandable, fmtDate, fmtDeadline, roleBadge, roleLabel } from './labels.js';
import { announce, errorBox, loading, navigate, setMain, setTitle } from './router.js';
import { emptyNote } from './view_common.js';
import { metaRow } from './view_document.js';

// ---- agency

export async function viewAgency(ctx, id, params) {
  setTitle('Cơ quan');
  loading('Đang tải nhiệm vụ của cơ quan…');
  const role = ROLES.includes(params.get('role')) ? params.get('role') : '';
  const from = params.get('from') || '';
  const to = params.get('to') || '';
  const collective = params.get('include_collective') !== '0';
  const former = params.get('include_former') !== '0';
  const apiQuery = { role, from, to, include_collective: collective ? '1' : '0', include_former: former ? '1' : '0' };
  const base = `/api/agencies/${encodeURIComponent(id)}/assignments`;
  const data = await api(base + query(apiQuery), ctx.signal);
  if (!ctx.alive()) return;

  const entry = (data.agencies || [])[0];
  if (!entry) {
    setTitle('Không tìm thấy cơ quan');
    setMain(errorBox('Không tìm thấy cơ quan', `Không có cơ quan mang mã “${id}” trong cơ sở dữ liệu.`));
    return;
  }
  const ag = entry.agency || {};
  const list = entry.assignments || [];
  const isCollective = String(ag.id || id).startsWith('collective:');
  const aliases = [];
  const seenAlias = new Set([String(ag.name || '').toLocaleLowerCase('vi')]);
  for (const a of ag.aliases || []) {
    const k = String(a).toLocaleLowerCase('vi');
    if (!seenAlias.has(k)) {
      seenAlias.add(k);
      aliases.push(a);
    }
  }
  setTitle(ag.name || id);
  announce(`${ag.name || id}: ${list.length} nhiệm vụ.`);

  // Filters: role and period; they change the URL (shareable), the view is drawn from it.
  const capital = (t) => t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
  const roleSel = el('select', { id: 'a-role', name: 'role' },
    [['', 'Tất cả'], ...ROLES.map((r) => [r, capital(roleLabel(r))])]
      .map(([v, t]) => el('option', { value: v, text: t, selected: v === role })));
  const fromIn = el('input', { id: 'a-from', name: 'from', type: 'date' });
  const toIn = el('input', { id: 'a-to', name: 'to', type: 'date' });
  fromIn.value = /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : '';
  toIn.value = /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : '';
  const collIn = el('input', { id: 'a-coll', name: 'include_collective', type: 'checkbox', checked: collective });
  const formerIn = el('input', { id: 'a-former', name: 'include_former', type: 'checkbox', checked: former });
  const predecessors = Array.isArray(ag.predecessors) ? ag.predecessors : [];
  const filterForm = el('form', { class: 'agency-filters', 'aria-label': 'Lọc nhiệm vụ' },
    el('div', { class: 'field' }, el('label', { for: 'a-role', text: 'Vai trò' }), roleSel),
    el('div', { class: 'field' }, el('label', { for: 'a-from', text: 'Thời hạn từ ngày' }), fromIn),
    el('div', { class: 'field' }, el('label', { for: 'a-to', text: 'đến ngày' }), toIn),
    isCollective ? null : el('div', { class: 'field check' }, collIn,
      el('label', { for: 'a-coll', text: 'Gồm nhiệm vụ giao chung (“các Sở, ban, ngành…”)' })),
    predecessors.length ? el('div', { class: 'field check' }, formerIn,
      el('label', { for: 'a-former', text: 'Gồm nhiệm vụ của cơ quan tiền thân' })) : null,
    el('div', { class: 'field field-actions' }, el('button', { type: 'submit', class: 'btn btn-primary', text: 'Lọc' })));
  filterForm.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(agencyHref(id) + query({
      role: roleSel.value, from: fromIn.value, to: toIn.value,
      include_collective: collIn.checked ? '' : '0',
      include_former: formerIn.checked ? '' : '0',
    }));
  });
  if (from && !fromIn.value) fromIn.title = `Đang lọc từ ${from}`;

  const csvHref = base + query({ ...apiQuery, format: 'csv', lang: 'vi' });
  const byRole = Object.fromEntries(ROLES.map((r) => [r, 0]));
  for (const a of list) if (a.role in byRole) byRole[a.role] += 1;
  const fromFormer = list.filter((a) => a.former).length;
  const groups = new Map();
  for (const a of list) {
    const d = a.document || {};
    if (!groups.has(d.id)) groups.set(d.id, { document: d, rows: [] });
    groups.get(d.id).rows.push(a);
  }
  const summary = list.length
    ? `${list.length} nhiệm vụ trong ${groups.size} văn bản: ` +
      `${ROLES.map((r) => `${byRole[r]} ${roleLabel(r)}`).join(', ')}` +
      `${fromFormer ? `; ${fromFormer} nhiệm vụ giao cho cơ quan tiền thân` : ''}.`
    : 'Không có nhiệm vụ nào khớp bộ lọc.';

  const header = el('header', { class: 'doc-card agency-card' },
    el('p', { class: 'doc-kicker', text: isCollective ? 'Nhóm cơ quan (giao chung)' : 'Cơ quan' }),
    el('h1', { 'data-testid': 'agency-name', text: ag.name || id }),
    ag.successor ? el('p', { class: 'notice', 'data-testid': 'agency-successor' },
      'Cơ quan này đã được sắp xếp lại năm 2025; nhiệm vụ của cơ quan nay do ',
      el('a', { href: agencyHref(ag.successor.id), text: ag.successor.name }), ' thực hiện.') : null,
    el('dl', { class: 'meta-grid' },
      metaRow('Địa phương', ag.place),
      metaRow('Tên gọi khác', aliases.length ? aliases.join(', ') : null),
      metaRow('Tiếp nhận nhiệm vụ của', predecessors.length
        ? el('ul', { class: 'predecessors', 'data-testid': 'agency-predecessors' }, predecessors.map((p) =>
          el('li', {}, el('a', { href: agencyHref(p.id), text: p.name })))) : null),
      metaRow('Mã', el('code', { text: ag.id || id }))));

  const toolbar = el('div', { class: 'toolbar' },
    el('p', { class: 'summary', 'data-testid': 'assignments-summary', text: summary }),
    el('a', { class: 'btn', href: csvHref, download: `nhiem-vu-${String(ag.id || id).replace(/[^\w@.-]+/g, '_')}.csv`, 'data-testid': 'csv-link' },
      'Tải về CSV'));

  const docsBlocks = [...groups.values()].map((g) => {
    const d = g.document;
    return el('section', { class: 'assign-group', 'aria-label': docLabel(d) },
      el('h2', { class: 'assign-doc' },
        el('a', { href: docHref(d.id), text: docLabel(d) }),
        d.date ? el('span', { class: 'muted small', text: ` · ${fmtDate(d.date)}` }) : null),
      d.title ? el('p', { class: 'cite-title', text: d.title }) : null,
      el('div', { class: 'table-wrap' },
        el('table', { class: 'data-table assignments-table', 'data-testid': 'assignments-table' },
          el('colgroup', {}, el('col', { class: 'c-path' }), el('col', { class: 'c-text' }),
            el('col', { class: 'c-role' }), el('col', { class: 'c-deadline' })),
          el('thead', {}, el('tr', {},
            el('th', { scope: 'col', text: 'Mục' }),
            el('th', { scope: 'col', text: 'Nội dung' }),
            el('th', { scope: 'col', text: 'Vai trò' }),
            el('th', { scope: 'col', text: 'Thời hạn' }))),
          el('tbody', {}, g.rows.map((a) => el('tr', { 'data-testid': 'assignment-row', dataset: { path: a.path || '' } },
            el('td', { class: 'path-cell' }, el('span', { class: 'path', text: a.path || '—' })),
            el('td', { class: 'text-cell' }, expandable(a.text, 260)),
            el('td', { class: 'role-cell' }, roleBadge(a.role),
              a.via_collective ? el('span', { class: 'badge via', title: 'Giao chung cho nhóm cơ quan có cơ quan này', text: 'giao chung' }) : null,
              a.former ? el('span', { class: 'badge via former', 'data-testid': 'assignment-former',
                title: 'Nhiệm vụ giao cho cơ quan tiền thân', text: `giao cho ${a.former.name}` }) : null),
            el('td', { class: 'deadline-cell' }, a.deadline ? fmtDeadline(a.deadline) : el('span', { class: 'muted', text: '—' }))))))));
  });

  setMain(
    el('nav', { class: 'breadcrumb', 'aria-label': 'Vị trí' },
      el('a', { href: '/', text: 'Trang chủ' }), el('span', { 'aria-hidden': 'true', text: ' › ' }),
      el('a', { href: '/#tra-cuu-co-quan', text: 'Cơ quan' }), el('span', { 'aria-hidden': 'true', text: ' › ' }),
      el('span', { 'aria-current': 'page', text: ag.name || id })),
    el('div', { class: 'agency-page' },
      header,
      el('section', { class: 'panel', 'aria-labelledby': 'assign-h' },
        el('h2', { id: 'assign-h', text: 'Nhiệm vụ được giao' }),
        filterForm, toolbar,
        docsBlocks.length ? docsBlocks : emptyNote('Thử bỏ bộ lọc vai trò hoặc thời hạn.'))));
}
