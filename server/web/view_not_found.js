// The view of a path the page does not know.
import { el } from './dom.js';
import { announce, setMain, setTitle } from './router.js';

// ---- not found

export function viewNotFound() {
  setTitle('Không tìm thấy');
  announce('Không tìm thấy trang.');
  setMain(el('div', { class: 'notice not-found', 'data-testid': 'not-found' },
    el('h1', { text: 'Không tìm thấy trang' }),
    el('p', {}, 'Địa chỉ ', el('code', { text: location.pathname }), ' không có trên trang này.'),
    el('p', {}, el('a', { href: '/', text: '← Về trang chủ' }))));
}
