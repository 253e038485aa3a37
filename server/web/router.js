// The router (History API): every view has its own URL; back/forward re-render from the URL.
import { errorContent } from './api.js';
import { el } from './dom.js';
import { vocabularyReady } from './labels.js';
import { fillSearchForm, fillTypeOptions } from './search_form.js';
import { viewAgency } from './view_agency.js';
import { viewDocument } from './view_document.js';
import { viewHome } from './view_home.js';
import { viewNotFound } from './view_not_found.js';
import { viewSearch } from './view_search.js';

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
export function navigate(url, { replace = false } = {}) {
  if (!replace) rememberScroll();
  if (replace) history.replaceState({}, '', url);
  else history.pushState({}, '', url);
  render({ fromHistory: false });
}

/// Changes the URL of the current view without rendering it again (the view already shows it).
export function replaceUrl(url) {
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

export function setMain(...nodes) {
  main.replaceChildren(...nodes.flat().filter(Boolean));
}

export function announce(text) {
  statusRegion.textContent = text;
}

export function setTitle(text) {
  document.title = text ? `${text} — vanban` : 'vanban — Tra cứu văn bản';
}

export function loading(text) {
  announce(text);
  setMain(el('div', { class: 'loading', role: 'status', 'aria-busy': 'true' },
    el('span', { class: 'spinner', 'aria-hidden': 'true' }), text));
}

/// `error`: a message, or an error (ApiError: its message and the detail line, see errorContent).
export function errorBox(title, error, extra) {
  return el('div', { class: 'notice error', role: 'alert', 'data-testid': 'error' },
    el('h1', { tabindex: '-1', text: title }),
    typeof error === 'string' ? el('p', { 'data-testid': 'error-message', text: error }) : errorContent(error),
    extra || el('p', {}, el('a', { href: '/', text: '← Về trang chủ' })));
}

export async function render(opts = {}) {
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
