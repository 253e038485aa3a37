// The API client: requests, errors in Vietnamese with the server's own message kept as their detail.
import { el } from './dom.js';

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
export async function api(path, signal) {
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
export function errorContent(e, prefix = '') {
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

export function query(params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') qs.set(k, v);
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/// The vocabulary, asked for once; resolves (also on failure, then with nothing) once applied.
