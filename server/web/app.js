// vanban web page: client-side views over the JSON API served by `vanban serve`.
//
// One file, no framework, no build step. Layout of this file:
//   1. DOM and formatting helpers (every piece of data goes through textContent, never innerHTML)
//   2. the API client (errors in Vietnamese, with the server's own message kept as their detail)
//   3. the router (History API: every view has its own URL; back/forward re-render from the URL)
//   4. the search form in the header (its fields mirror the URL of /search)
//   5. one function per view: home, search, document, agency, not found
//
// Offsets from the API (highlights, sections, tasks) are [start, end) in UTF-16 code units, i.e.
// JavaScript string indexes, so they are used with String.prototype.slice as they are.
'use strict';

(() => {
  // ---------------------------------------------------------------------------------------------
  // 1. Helpers

  const SVG_NS = 'http://www.w3.org/2000/svg';

  /// Builds an element. `attrs`: `class`, `text` (textContent), `dataset` (object), `on` (object of
  /// event handlers), anything else is an attribute (skipped when null/undefined/false).
  /// `children`: nodes, strings (as text), arrays of those; null/false are skipped.
  function el(tag, attrs, ...children) {
    return build(document.createElement(tag), attrs, children);
  }

  function svgEl(tag, attrs, ...children) {
    return build(document.createElementNS(SVG_NS, tag), attrs, children);
  }

  function build(node, attrs, children) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.setAttribute('class', v);
      else if (k === 'text') node.textContent = String(v);
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else if (k === 'on') for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) append(node, c);
      else node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }

  // The words of relations, roles and document types come from the server (GET /api/vocabulary, the
  // parser's lists with their Vietnamese labels); until they arrive, or if they cannot, ids are shown.
  const ROLE = {};
  const RELATION = {};
  const RELATION_SHORT = {};
  let ROLES = [];
  let RELATION_ORDER = [];
  let DOCUMENT_TYPES = [];
  const BULLET_KINDS = new Set(['dash', 'plus', 'bullet', 'star']);
  const PAGE_SIZE = 20;

  const roleLabel = (r) => ROLE[r] || r || '';
  const relationLabel = (r) => RELATION[r] || r || '';

  /// "2022-04-29" -> "29/04/2022", "2022-04" -> "04/2022"; anything else unchanged.
  function fmtDate(d) {
    if (!d) return '';
    let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
    m = /^(\d{4})-(\d{2})$/.exec(d);
    if (m) return `${m[2]}/${m[1]}`;
    return String(d);
  }

  function fmtDateTime(s) {
    if (!s) return '';
    const t = new Date(s);
    if (Number.isNaN(t.getTime())) return String(s);
    const two = (n) => String(n).padStart(2, '0');
    return `${two(t.getHours())}:${two(t.getMinutes())} ngày ${two(t.getDate())}/${two(t.getMonth() + 1)}/${t.getFullYear()}`;
  }

  const fmtNumber = (n) => Number(n || 0).toLocaleString('vi-VN');

  function truncate(s, n) {
    s = String(s || '');
    return s.length <= n ? s : s.slice(0, n - 1).trimEnd() + '…';
  }

  /// "Kế hoạch 134/KH-UBND", or whatever of the two exists.
  function docLabel(d) {
    if (!d) return '';
    return [d.type, d.number].filter(Boolean).join(' ') || `Văn bản #${d.id}`;
  }

  const docHref = (id) => `/documents/${encodeURIComponent(id)}`;
  const agencyHref = (id) => `/agencies/${encodeURIComponent(id)}`;

  /// A deadline {text, from, to} as one readable line.
  function fmtDeadline(dl) {
    if (!dl) return '';
    const range = dl.from && dl.to && dl.from !== dl.to
      ? `${fmtDate(dl.from)} – ${fmtDate(dl.to)}`
      : fmtDate(dl.to || dl.from);
    if (dl.text && range && !dl.text.includes(range)) return `${dl.text} (${range})`;
    return dl.text || range;
  }

  /// `text` with the [start, end) ranges of `ranges` wrapped in <mark>; bad or overlapping ranges are
  /// skipped, so a wrong offset never hides text.
  function highlighted(text, ranges, markClass) {
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
  function expandable(text, limit = 240) {
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

  function roleBadge(role) {
    return el('span', { class: `badge role role-${role || 'unknown'}`, text: roleLabel(role) });
  }

  function relationBadge(rel) {
    return el('span', { class: `badge rel rel-${rel || 'unknown'}`, text: relationLabel(rel) });
  }

  // ---------------------------------------------------------------------------------------------
  // 2. API client

  /// An error to show: `message` in Vietnamese for the reader; `detail` (the server's own English
  /// message, or the browser's reason) and `requestId` for whoever supports them.
  class ApiError extends Error {
    constructor(message, status, { code = '', detail = '', requestId = '' } = {}) {
      super(message);
      this.name = 'ApiError';
      this.status = status;
      this.code = code;
      this.detail = detail;
      this.requestId = requestId;
    }
  }

  const STATUS_CODE = {
    400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed',
    411: 'length_required', 413: 'payload_too_large', 414: 'uri_too_long', 415: 'unsupported_media_type',
  };

  const ERROR_TEXT = {
    unauthorized: 'Cần xác thực để thực hiện thao tác này.',
    forbidden: 'Bạn không có quyền thực hiện thao tác này.',
    method_not_allowed: 'Máy chủ không cho phép thao tác này tại địa chỉ này.',
    length_required: 'Yêu cầu gửi lên thiếu độ dài nội dung.',
    payload_too_large: 'Nội dung gửi lên quá lớn.',
    uri_too_long: 'Địa chỉ quá dài. Hãy rút ngắn từ khóa hoặc bớt bộ lọc.',
    unsupported_media_type: 'Định dạng nội dung gửi lên không được hỗ trợ (cần văn bản thuần, mã UTF-8).',
  };

  /// The 400 messages of the server (server.cpp, index/src/query.cpp, index.cpp) that a reader can act on.
  const BAD_REQUEST_TEXT = [
    [/unbalanced quote/i, 'Truy vấn thiếu dấu ngoặc kép đóng (").'],
    [/nothing to search for|^'q' is required/i, 'Hãy nhập từ khóa hoặc số hiệu văn bản.'],
    [/must be a date/i, 'Ngày không hợp lệ (dạng NNNN, NNNN-TT hoặc NNNN-TT-NN).'],
    [/^'(limit|offset)'/i, 'Tham số phân trang không hợp lệ.'],
    [/percent-encoding|not valid UTF-8/i, 'Địa chỉ có ký tự không hợp lệ.'],
    [/^'in' must be/i, 'Phạm vi tìm không hợp lệ (trích yếu, nội dung hoặc nhiệm vụ).'],
    [/^unknown role/i, 'Vai trò không hợp lệ (chủ trì, phối hợp hoặc đề nghị).'],
    [/^unknown document type/i, 'Loại văn bản không hợp lệ: chọn một loại trong danh sách, hoặc gõ tên loại (ví dụ Kế hoạch) hay ký hiệu (KH).'],
    [/^no agency given/i, 'Hãy nhập tên cơ quan.'],
    [/^no document with id/i, 'Không tìm thấy văn bản này.'],
  ];

  /// The Vietnamese message for an error answer: by its code, and for a 400 or 404 by what the
  /// English message (or the API path asked) says.
  function errorText(status, code, message, path, requestId) {
    code = code || STATUS_CODE[status] || (status >= 500 ? 'internal' : '');
    if (code === 'internal') {
      return 'Lỗi máy chủ. Vui lòng thử lại; nếu lỗi lặp lại, báo cho quản trị viên' +
        (requestId ? ` mã yêu cầu ${requestId}.` : '.');
    }
    if (code === 'bad_request') {
      const hit = BAD_REQUEST_TEXT.find(([re]) => re.test(message));
      return hit ? hit[1] : 'Yêu cầu chưa hợp lệ. Kiểm tra lại từ khóa và bộ lọc.';
    }
    if (code === 'not_found') {
      if (/^no document\b/i.test(message) || /^\/api\/documents\/[^/?]/.test(path)) return 'Không tìm thấy văn bản này.';
      if (/^no agency\b/i.test(message) || /^\/api\/agencies\/[^/?]/.test(path)) return 'Không tìm thấy cơ quan này.';
      return 'Không tìm thấy trang này.';
    }
    return ERROR_TEXT[code] || `Máy chủ trả về lỗi ${status}.`;
  }

  /// GET `path`, parsed JSON. Throws ApiError with a Vietnamese message on a 4xx/5xx (the server's
  /// English `error.message` kept as its detail), when the server cannot be reached, or when it does
  /// not answer JSON; AbortError passes through.
  async function api(path, signal) {
    let res;
    try {
      res = await fetch(path, { signal, headers: { Accept: 'application/json' } });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError('Không kết nối được máy chủ. Kiểm tra máy chủ vanban còn chạy rồi thử lại.', 0,
        { detail: (e && e.message) || '' });
    }
    const raw = await res.text();
    let body = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch (_) {
      body = null;
    }
    if (!res.ok) {
      const err = (body && typeof body.error === 'object' && body.error) || {};
      const detail = typeof err.message === 'string' ? err.message : '';
      const code = typeof err.code === 'string' ? err.code : '';
      const m = /request id ([0-9A-Za-z-]+)/.exec(detail);
      const requestId = (m && m[1]) || res.headers.get('X-Request-Id') || '';
      throw new ApiError(errorText(res.status, code, detail, path, requestId), res.status, { code, detail, requestId });
    }
    if (body === null || typeof body !== 'object') {
      throw new ApiError('Máy chủ trả về dữ liệu không đọc được.', res.status,
        { requestId: res.headers.get('X-Request-Id') || '' });
    }
    return body;
  }

  /// The nodes that show an error: its message, then a smaller line with the server's own words and
  /// the request id, for support staff (nothing more when there is neither).
  function errorContent(e, prefix = '') {
    const detail = (e && e.detail) || '';
    const requestId = (e && e.requestId) || '';
    const idShown = requestId && !String(e.message).includes(requestId);
    return [
      el('p', { class: 'error-message', 'data-testid': 'error-message', text: prefix + ((e && e.message) || '') }),
      detail || idShown
        ? el('p', { class: 'error-detail small muted', 'data-testid': 'error-detail' },
          detail ? ['Chi tiết: ', el('span', { lang: 'en', text: detail })] : null,
          detail && idShown ? ' · ' : null,
          idShown ? `mã yêu cầu ${requestId}` : null)
        : null,
    ];
  }

  function query(params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== null && v !== undefined && v !== '') qs.set(k, v);
    }
    const s = qs.toString();
    return s ? `?${s}` : '';
  }

  /// The vocabulary, asked for once; resolves (also on failure, then with nothing) once applied.
  const vocabularyReady = api('/api/vocabulary').then((v) => {
    for (const r of v.relations || []) {
      RELATION[r.id] = r.label;
      RELATION_SHORT[r.id] = r.short;
    }
    RELATION_ORDER = (v.relations || []).map((r) => r.id);
    for (const r of v.roles || []) ROLE[r.id] = r.label;
    ROLES = (v.roles || []).map((r) => r.id);
    DOCUMENT_TYPES = (v.document_types || []).map((t) => t.name);
  }).catch(() => { /* labels fall back to the ids; the type list to "Loại khác…" */ });

  // ---------------------------------------------------------------------------------------------
  // 3. Router

  const main = document.getElementById('main');
  const statusRegion = document.getElementById('status');
  let current = { key: null, controller: null };
  let firstRender = true;

  const routeKey = () => location.pathname + location.search;

  function rememberScroll() {
    try {
      history.replaceState({ ...(history.state || {}), scrollY: window.scrollY }, '');
    } catch (_) { /* a state that cannot be saved only loses the scroll position */ }
  }

  /// Goes to `url` (same origin) as a new history entry, or replacing the current one.
  function navigate(url, { replace = false } = {}) {
    if (!replace) rememberScroll();
    if (replace) history.replaceState({}, '', url);
    else history.pushState({}, '', url);
    render({ fromHistory: false });
  }

  /// Changes the URL of the current view without rendering it again (the view already shows it).
  function replaceUrl(url) {
    history.replaceState(history.state, '', url);
    current.key = routeKey();
  }

  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

  window.addEventListener('popstate', (e) => {
    if (routeKey() === current.key) {
      scrollToHash(false);
      return;
    }
    render({ fromHistory: true, scrollY: e.state && e.state.scrollY });
  });

  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target.closest('a');
    if (!a || a.hasAttribute('download')) return;
    const href = a.getAttribute('href');
    const target = a.getAttribute('target');
    if (!href || (target && target !== '_self')) return;
    const url = new URL(href, location.href);
    if (url.origin !== location.origin) return;
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/static/')) return;
    e.preventDefault();
    if (url.pathname === location.pathname && url.search === location.search && url.hash) {
      if (url.hash !== location.hash) history.pushState(history.state, '', url.hash);
      scrollToHash(true);
      return;
    }
    const same = url.pathname === location.pathname && url.search === location.search;
    navigate(url.pathname + url.search + url.hash, { replace: same });
  });

  /// Scrolls to the element named by location.hash (and focuses it, so the keyboard continues there).
  function scrollToHash(flash) {
    let id = '';
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (_) {
      return false;
    }
    if (!id) return false;
    const target = document.getElementById(id);
    if (!target) return false;
    if (!target.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
      target.setAttribute('tabindex', '-1');
    }
    target.scrollIntoView({ block: 'start' });
    // A section that stands for a form (data-focus) hands the focus to its field.
    const focusTarget = (target.dataset.focus && document.getElementById(target.dataset.focus)) || target;
    focusTarget.focus({ preventScroll: true });
    if (flash) {
      target.classList.remove('flash');
      void target.offsetWidth; // restarts the animation
      target.classList.add('flash');
    }
    return true;
  }

  function setMain(...nodes) {
    main.replaceChildren(...nodes.flat().filter(Boolean));
  }

  function announce(text) {
    statusRegion.textContent = text;
  }

  function setTitle(text) {
    document.title = text ? `${text} — vanban` : 'vanban — Tra cứu văn bản';
  }

  function loading(text) {
    announce(text);
    setMain(el('div', { class: 'loading', role: 'status', 'aria-busy': 'true' },
      el('span', { class: 'spinner', 'aria-hidden': 'true' }), text));
  }

  /// `error`: a message, or an error (ApiError: its message and the detail line, see errorContent).
  function errorBox(title, error, extra) {
    return el('div', { class: 'notice error', role: 'alert', 'data-testid': 'error' },
      el('h1', { tabindex: '-1', text: title }),
      typeof error === 'string' ? el('p', { 'data-testid': 'error-message', text: error }) : errorContent(error),
      extra || el('p', {}, el('a', { href: '/', text: '← Về trang chủ' })));
  }

  async function render(opts = {}) {
    if (current.controller) current.controller.abort();
    const controller = new AbortController();
    current = { key: routeKey(), controller };
    const ctx = { signal: controller.signal, alive: () => current.controller === controller };
    const path = location.pathname;
    const params = new URLSearchParams(location.search);
    await vocabularyReady;
    if (!ctx.alive()) return;
    fillTypeOptions();
    fillSearchForm(path === '/search' ? params : null);
    let m;
    try {
      if (path === '/' || path === '/index.html') await viewHome(ctx, params);
      else if (path === '/search') await viewSearch(ctx, params);
      else if ((m = /^\/documents\/([^/]+)\/?$/.exec(path))) await viewDocument(ctx, decodeURIComponent(m[1]));
      else if ((m = /^\/agencies\/([^/]+)\/?$/.exec(path))) await viewAgency(ctx, decodeURIComponent(m[1]), params);
      else viewNotFound();
    } catch (e) {
      if (e.name === 'AbortError' || !ctx.alive()) return;
      if (e instanceof URIError) {
        viewNotFound();
      } else {
        setTitle('Lỗi');
        announce(`Lỗi: ${e.message}`);
        const title = e.status === 404 ? 'Không tìm thấy'
          : e.status === 400 ? 'Yêu cầu chưa hợp lệ' : 'Không tải được dữ liệu';
        setMain(errorBox(title, e));
      }
    }
    if (!ctx.alive()) return;
    // Where to look after the view is drawn: back/forward restores the position, a link to a place
    // jumps there, anything else starts at the top with the keyboard focus on the view's heading.
    if (opts.fromHistory && typeof opts.scrollY === 'number') {
      window.scrollTo(0, opts.scrollY);
    } else if (!(location.hash && scrollToHash(false))) {
      window.scrollTo(0, 0);
      if (!firstRender) {
        const h1 = main.querySelector('h1');
        if (h1) {
          if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
          h1.focus({ preventScroll: true });
        }
      }
    }
    firstRender = false;
    main.setAttribute('aria-busy', 'false');
  }

  // ---------------------------------------------------------------------------------------------
  // 4. The search form in the header

  const form = document.getElementById('search-form');
  const fields = {
    q: document.getElementById('q'),
    type: document.getElementById('f-type'),
    typeOther: document.getElementById('f-type-other'),
    typeOtherField: document.getElementById('f-type-other-field'),
    issuer: document.getElementById('f-issuer'),
    from: document.getElementById('f-from'),
    to: document.getElementById('f-to'),
    agency: document.getElementById('f-agency'),
    in: document.getElementById('f-in'),
  };
  const filtersBox = document.getElementById('filters');
  const filterCount = document.getElementById('filter-count');
  const FILTER_KEYS = ['type', 'issuer', 'from', 'to', 'agency', 'in'];

  const yearOf = (s) => {
    const m = /^(\d{4})/.exec(String(s || '').trim());
    return m ? m[1] : '';
  };

  function readSearchForm() {
    const type = fields.type.value === '__other' ? fields.typeOther.value.trim() : fields.type.value;
    return {
      q: fields.q.value.trim(),
      type,
      issuer: fields.issuer.value.trim(),
      from: yearOf(fields.from.value),
      to: yearOf(fields.to.value),
      agency: fields.agency.value.trim(),
      in: fields.in.value,
    };
  }

  /// The document types of the vocabulary as options of the type filter (once), sorted as Vietnamese
  /// readers sort, before "Loại khác…".
  function fillTypeOptions() {
    if (fields.type.dataset.filled) return;
    fields.type.dataset.filled = '1';
    const other = fields.type.querySelector('option[value="__other"]');
    const names = [...DOCUMENT_TYPES].sort((a, b) => a.localeCompare(b, 'vi'));
    for (const name of names) fields.type.insertBefore(el('option', { value: name, text: name }), other);
  }

  /// Puts the values of `params` (a /search URL) into the form; null empties it.
  function fillSearchForm(params) {
    const get = (k) => (params && params.get(k)) || '';
    fields.q.value = get('q');
    const type = get('type');
    const known = [...fields.type.options].some((o) => o.value === type && o.value !== '__other');
    fields.type.value = known ? type : '__other';
    fields.typeOther.value = known ? '' : type;
    fields.typeOtherField.hidden = known;
    fields.issuer.value = get('issuer');
    fields.from.value = yearOf(get('from'));
    fields.to.value = yearOf(get('to'));
    fields.agency.value = get('agency');
    fields.in.value = ['title', 'text', 'tasks'].includes(get('in')) ? get('in') : '';
    updateFilterCount(params !== null);
  }

  function updateFilterCount(openIfAny) {
    const v = readSearchForm();
    const n = FILTER_KEYS.filter((k) => v[k]).length;
    filterCount.textContent = n ? `(${n})` : '';
    if (openIfAny && n) filtersBox.open = true;
  }

  fields.type.addEventListener('change', () => {
    fields.typeOtherField.hidden = fields.type.value !== '__other';
    if (!fields.typeOtherField.hidden) fields.typeOther.focus();
    updateFilterCount(false);
  });
  for (const k of ['issuer', 'from', 'to', 'agency', 'in', 'typeOther']) {
    fields[k].addEventListener('change', () => updateFilterCount(false));
  }

  document.getElementById('filters-reset').addEventListener('click', () => {
    const q = fields.q.value;
    fillSearchForm(null);
    fields.q.value = q;
    fields.q.focus();
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    const v = readSearchForm();
    if (!v.q && !FILTER_KEYS.some((k) => v[k])) {
      navigate('/');
      return;
    }
    navigate(`/search${query(v)}`);
  });

  // ---------------------------------------------------------------------------------------------
  // 5. Views

  // ---- shared pieces

  function pageOf(params) {
    const p = parseInt(params.get('page') || '1', 10);
    return Number.isFinite(p) && p > 0 ? p : 1;
  }

  /// "Trang trước / Trang n/m / Trang sau" as links to the same URL with another `page`.
  function pager(params, page, total, pageSize) {
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
  function docItem(d, testid, extra) {
    return el('li', { class: 'item', 'data-testid': testid, dataset: { id: d.id } },
      docMeta(d, testid === 'result-item' ? 'result-number' : null),
      el('h2', { class: 'item-title' },
        el('a', { href: docHref(d.id), text: d.title || docLabel(d) })),
      extra);
  }

  function emptyNote(text) {
    return el('p', { class: 'notice', text });
  }

  // ---- home: recent documents and the agency lookup

  async function viewHome(ctx, params) {
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

  function agencyItem(a) {
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

  // ---- search results

  async function viewSearch(ctx, params) {
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
    setMain(el('div', { class: 'results-layout' },
      el('section', { class: 'panel', 'aria-labelledby': 'results-h' },
        el('h1', { id: 'results-h' }, 'Kết quả tìm kiếm ', el('q', { text: q })),
        el('p', { class: 'summary', 'data-testid': 'result-total' },
          total ? `Tìm thấy ${fmtNumber(total)} kết quả` : 'Không có kết quả', filterChips(filters)),
        results.length
          ? el('ol', { class: 'items', 'data-testid': 'results', start: (page - 1) * PAGE_SIZE + 1 }, results.map(resultItem))
          : el('div', { class: 'notice' },
            el('p', { text: 'Không tìm thấy văn bản nào. Thử bỏ bớt từ, bỏ bộ lọc, hoặc viết không dấu.' })),
        pager(params, page, total, PAGE_SIZE)),
      agencyBox));

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

  // ---- document

  async function viewDocument(ctx, id) {
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
        metaRow('Nhập lúc', data.imported_at ? fmtDateTime(data.imported_at) : null)));

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

  function metaRow(label, value) {
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
      if (item.missing) return svgEl('g', { class: 'node missing', 'data-testid': 'diagram-node' }, content);
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

  // ---- agency

  async function viewAgency(ctx, id, params) {
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

    const csvHref = base + query({ ...apiQuery, format: 'csv' });
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

  // ---- not found

  function viewNotFound() {
    setTitle('Không tìm thấy');
    announce('Không tìm thấy trang.');
    setMain(el('div', { class: 'notice not-found', 'data-testid': 'not-found' },
      el('h1', { text: 'Không tìm thấy trang' }),
      el('p', {}, 'Địa chỉ ', el('code', { text: location.pathname }), ' không có trên trang này.'),
      el('p', {}, el('a', { href: '/', text: '← Về trang chủ' }))));
  }

  render({ fromHistory: false });
})();
