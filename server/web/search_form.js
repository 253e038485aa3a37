// The search form in the header: its fields mirror the URL of /search.
import { query } from './api.js';
import { el } from './dom.js';
import { DOCUMENT_TYPES } from './labels.js';
import { navigate } from './router.js';

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

export const yearOf = (s) => {
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
export function fillTypeOptions() {
  if (fields.type.dataset.filled) return;
  fields.type.dataset.filled = '1';
  const other = fields.type.querySelector('option[value="__other"]');
  const names = [...DOCUMENT_TYPES].sort((a, b) => a.localeCompare(b, 'vi'));
  for (const name of names) fields.type.insertBefore(el('option', { value: name, text: name }), other);
}

/// Puts the values of `params` (a /search URL) into the form; null empties it.
export function fillSearchForm(params) {
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
