// Which communes have a web chat, and where: each at /x/<id>/ (its API under the same prefix); `/` lists them,
// or serves the only one. The server builds the site from the knowledge; the web chat only reads it.

export interface WebchatCommune {
  /** The commune's id (knowledge/communes/<id>.yaml); URL-safe. */
  id: string;
  /** As citizens say it, e.g. "xã Hòa An". */
  name: string;
}

export interface WebchatSite {
  /** The province's name, e.g. "tỉnh Sơn Lâm" (heads the list of communes). */
  province: string;
  /** In the order they are listed. */
  communes: readonly WebchatCommune[];
}

/** A deployment that names no commune: `/` serves one unnamed web chat, as before communes. */
export const UNNAMED_SITE: WebchatSite = { province: '', communes: [] };

/** The prefix of one commune's web chat: its page, its API, its links. */
export const communePrefix = (id: string): string => `/x/${encodeURIComponent(id)}`;

/** The commune `/` and the un-prefixed API answer for: the only one (none when several are listed). */
export function soleCommune(site: WebchatSite): WebchatCommune | null {
  return site.communes.length === 1 ? (site.communes[0] ?? null) : null;
}

export function communeById(site: WebchatSite, id: string): WebchatCommune | null {
  return site.communes.find((c) => c.id === id) ?? null;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
