// vanban web page: client-side views over the JSON API served by `vanban serve`.
//
// ES modules, no framework, no build step (the server serves each file of server/web as it is):
//   dom.js, labels.js   DOM and formatting helpers (every piece of data goes through textContent)
//   api.js              the API client (errors in Vietnamese, with the server's own message kept)
//   router.js           the router (History API: every view has its own URL)
//   search_form.js      the search form in the header (its fields mirror the URL of /search)
//   view_*.js           one module per view: home, search, document, agency, not found
//
// Offsets from the API (highlights, sections, tasks) are [start, end) in UTF-16 code units, i.e.
// JavaScript string indexes, so they are used with String.prototype.slice as they are.
import { render } from './router.js';
import './search_form.js';

render({ fromHistory: false });
