// Safe DOM building. The rule: text from documents and from the server is
// always inserted as text nodes, never as HTML. Nothing here assigns
// innerHTML/outerHTML or calls insertAdjacentHTML; the one bit of server
// markup the UI renders, <mark> in snippets, is rebuilt by markedFragment().

// el('a', {href: '?doc=1', class: 'x'}, 'text', childNode, [more, children])
// Attributes are set with setAttribute (so never parsed as HTML); on* event
// attributes are refused; strings among the children become text nodes.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (/^on/i.test(k)) throw new Error(`el(): refusing event attribute ${k}`);
      node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(node, c);
    else if (c instanceof Node) node.append(c);
    else node.append(document.createTextNode(String(c)));
  }
  return node;
}

// Replaces every child of `node` with `children`.
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

// Decodes the five entities the server's escaping produces, in one pass (so
// "&amp;lt;" becomes "&lt;", not "<").
export function decodeEntities(s) {
  return s.replace(/&(?:amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]);
}

// The server's highlighted text (escaped document text whose query words are
// wrapped in <mark>…</mark>) as a DocumentFragment of text nodes and real
// <mark> elements. It splits on the exact strings "<mark>" and "</mark>" and
// never parses anything else as markup. Marks separated only by spaces
// ("<mark>khoáng</mark> <mark>sản</mark>") become one, so a phrase reads as
// one highlight.
export function markedFragment(html) {
  const s = String(html ?? '');
  const parts = []; // [text, marked]
  let inMark = false;
  let i = 0;
  while (i < s.length) {
    const tag = inMark ? '</mark>' : '<mark>';
    let j = s.indexOf(tag, i);
    if (j < 0) j = s.length;
    const piece = decodeEntities(s.slice(i, j));
    if (piece) parts.push([piece, inMark]);
    if (j < s.length) {
      inMark = !inMark;
      i = j + tag.length;
    } else {
      i = j;
    }
  }
  const merged = [];
  for (let k = 0; k < parts.length; k++) {
    const [text, marked] = parts[k];
    const prev = merged[merged.length - 1];
    if (marked && prev && prev[1]) {
      prev[0] += text;
    } else if (!marked && prev && prev[1] && /^[ \u00a0]{1,2}$/.test(text) && parts[k + 1] && parts[k + 1][1]) {
      prev[0] += text;
    } else {
      merged.push([text, marked]);
    }
  }
  const frag = document.createDocumentFragment();
  for (const [text, marked] of merged) {
    const node = document.createTextNode(text);
    if (marked) {
      const m = document.createElement('mark');
      m.append(node);
      frag.append(m);
    } else {
      frag.append(node);
    }
  }
  return frag;
}
