// The JSON API of vnkb-serve. Every call can be cancelled with an
// AbortSignal; errors carry the server's {error: {code, message}}.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status; // 0: the server could not be reached
    this.code = code;
  }
}

// params: object of string | number | string[]; empty values are left out.
export function queryString(params) {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) {
      for (const x of v) if (x !== '' && x != null) sp.append(k, String(x));
    } else if (v !== '' && v != null) {
      sp.append(k, String(v));
    }
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export async function getJson(path, params = {}, signal) {
  let res;
  try {
    res = await fetch(path + queryString(params), {
      signal,
      headers: { Accept: 'application/json' },
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', String(e.message || e));
  }
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    body = null;
  }
  if (!res.ok || body === null) {
    const err = body && body.error;
    throw new ApiError(
      res.status,
      (err && err.code) || 'http_error',
      (err && err.message) || `HTTP ${res.status}`,
    );
  }
  return body;
}

// The facets as the server defines them (core/facets.h, listed by
// /api/facets), read once before the views start. Without an answer the
// lists are empty and the views show the API's error when they ask.
async function facetDefinitions() {
  try {
    return (await getJson('/api/facets', { facet_limit: 0 })).definitions;
  } catch (e) {
    return { search: [], positions: [] };
  }
}
const definitions = await facetDefinitions();

// The facets /api/search counts, in the order the panel shows them.
export const FACETS = definitions.search.map((f) => f.name);

// A search facet's title in the page's language, as core/facets.h names it
// (one home for the names: a new facet needs no string here).
const searchFacets = new Map(definitions.search.map((f) => [f.name, f]));
export function facetTitle(name, language) {
  const f = searchFacets.get(name);
  if (!f) return name;
  return language === 'en' ? f.label_en || f.label : f.label;
}

// The facets /api/positions counts, in the order the panel shows them, and
// every filter it takes, in name order so that URLs keep one spelling
// (network has no panel: it comes from links).
export const POSITION_FACETS = definitions.positions.filter((f) => f.counted).map((f) => f.name);
export const POSITION_FILTERS = definitions.positions.map((f) => f.name).sort();
export const STANCES = ['supports', 'opposes', 'proposes', 'requests', 'commits', 'leads', 'concerned'];

export function fileUrl(id, page) {
  const base = `/api/documents/${encodeURIComponent(id)}/file`;
  return page ? `${base}#page=${page}` : base;
}
