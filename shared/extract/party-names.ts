/**
 * Comparing party names: "ACME, INC." and "Acme Inc" are the same party. Case, punctuation, a leading
 * "the" and legal-form suffixes (Inc., Ltd., LLC, GmbH, 有限公司 …) are set aside.
 */

const LEGAL_FORMS = [
  'incorporated',
  'inc',
  'corporation',
  'corp',
  'company',
  'co',
  'limited',
  'ltd',
  'llc',
  'l l c',
  'lcc',
  'llp',
  'lp',
  'l p',
  'plc',
  'gmbh',
  'ag',
  'sa',
  's a',
  'sas',
  's a s',
  'srl',
  's r l',
  'spa',
  'bv',
  'b v',
  'nv',
  'n v',
  'pte',
  'pty',
  'kk',
  'ab',
  'oy',
  'as',
  'sarl',
  's a r l',
  'gie',
  'g i e',
];

const ZH_LEGAL_FORMS = /(?:股份有限公司|有限责任公司|有限公司|集团公司|公司)$/;

const LEGAL_FORM_TAIL = new RegExp(`(?:\\s+(?:${LEGAL_FORMS.join('|')}))+$`);

/** The comparable form of a party name: lower case, no punctuation, no leading "the", no legal form. */
export function normalizePartyName(name: string): string {
  let s = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\b(?:d\/b\/a|dba|doing business as)\b.*$/, ' ')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  s = s.replace(/^the\s+/, '');
  s = s.replace(ZH_LEGAL_FORMS, '');
  // Strip legal forms, repeatedly ("Co., Ltd.").
  for (let i = 0; i < 3; i++) s = s.replace(LEGAL_FORM_TAIL, '').trim();
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Whether two party names designate the same party: equal once normalised, or one is the other followed by
 * more words ("Apollo Endosurgery" and "Apollo Endosurgery UK"), which is how short forms are written.
 */
export function samePartyName(a: string, b: string): boolean {
  const x = normalizePartyName(a);
  const y = normalizePartyName(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // Chinese names have no spaces: a prefix of at least four characters counts.
  if (/\p{Script=Han}/u.test(short)) return short.length >= 4 && long.startsWith(short);
  return short.length >= 4 && long.startsWith(`${short} `);
}
