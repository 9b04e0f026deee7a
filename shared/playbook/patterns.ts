/** Compiling and running the regular expressions of rule data. */
import type { Rule } from '@shared/schemas/playbook';
import { isOnWordBoundaries } from '@shared/text/segment';

const NEEDS_UNICODE = /\\[pP]\{|\\u\{|[\ud800-\udfff]/;

/**
 * Flags for a pattern of rule data. Patterns are validated in Unicode mode, but run without the `u` flag
 * unless they use Unicode-only syntax (\p{…}, \u{…}, astral characters): case-insensitive matching in
 * Unicode mode is many times slower in V8, and rule patterns gain nothing from it.
 */
export function patternFlags(source: string, caseSensitive: boolean, extra = 'g'): string {
  return `${extra}${caseSensitive ? '' : 'i'}${NEEDS_UNICODE.test(source) ? 'u' : ''}`;
}

/** Compiles a pattern of a rule: global, case-insensitive unless the rule says otherwise. */
export function compilePattern(source: string, rule: Pick<Rule, 'caseSensitive'>, sticky = false): RegExp {
  return new RegExp(source, patternFlags(source, rule.caseSensitive, sticky ? 'gy' : 'g'));
}

export function compileAll(sources: readonly string[], rule: Pick<Rule, 'caseSensitive'>): RegExp[] {
  return sources.map((s) => compilePattern(s, rule));
}

/** One alternation of many patterns (each in its own group), or null when there are none. */
export function compileAny(sources: readonly string[], rule: Pick<Rule, 'caseSensitive'>): RegExp | null {
  return sources.length === 0 ? null : compilePattern(sources.map((s) => `(?:${s})`).join('|'), rule);
}

/** True when the (global) pattern matches somewhere in `text`. */
export function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

/** Every non-empty match of a global pattern. */
export function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    yield m;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Pattern source for a literal word: whole-word for Latin, plain for Chinese. */
export function wordSource(word: string): string {
  const escaped = escapeRegExp(word).replace(/\s+/g, '\\s+');
  const left = /^[A-Za-z0-9]/.test(word) ? '(?<![A-Za-z0-9_])' : '';
  const right = /[A-Za-z0-9]$/.test(word) ? '(?![A-Za-z0-9_])' : '';
  return `${left}${escaped}${right}`;
}

const HAN = /[\u3400-\u9fff]/;

/** For matches that begin or end with a Han character: do they begin and end on word boundaries? */
export function onChineseWordBoundaries(text: string, start: number, end: number): boolean {
  const edgeIsHan = HAN.test(text.charAt(start)) || HAN.test(text.charAt(end - 1));
  return !edgeIsHan || isOnWordBoundaries(text, start, end, 'zh');
}

/** Expands `$1`, `$<name>` and `$&` in a replacement template from a match. */
export function expandReplacement(template: string, m: RegExpExecArray): string {
  return template.replace(/\$(?:(\d{1,2})|<([^>]+)>|(&)|(\$))/g, (_all, n, name, amp, dollar) => {
    if (dollar) return '$';
    if (amp) return m[0];
    if (name) return m.groups?.[name] ?? '';
    return m[Number(n)] ?? '';
  });
}
