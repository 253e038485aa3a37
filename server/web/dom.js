// DOM helpers: elements built from data, never from HTML (textContent only).

// ---------------------------------------------------------------------------------------------
// 1. Helpers

const SVG_NS = 'http://www.w3.org/2000/svg';

/// Builds an element. `attrs`: `class`, `text` (textContent), `dataset` (object), `on` (object of
/// event handlers), anything else is an attribute (skipped when null/undefined/false).
/// `children`: nodes, strings (as text), arrays of those; null/false are skipped.
export function el(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svgEl(tag, attrs, ...children) {
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
