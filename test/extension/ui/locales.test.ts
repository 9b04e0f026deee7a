import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveLanguage, translate } from '../../../extension/ui/i18n';

const locale = (dir: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../extension/public/_locales/${dir}/messages.json`, import.meta.url), 'utf8'),
  ) as Record<string, { message: string }>;

describe('the extension’s languages', () => {
  it('names the extension in English and in Chinese, with the same message keys', () => {
    const en = locale('en');
    const zh = locale('zh_CN');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(en[key]?.message.trim()).not.toBe('');
      expect(zh[key]?.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('follows the browser language unless one is chosen, and fills placeholders as text', () => {
    expect(resolveLanguage('auto', 'zh-TW')).toBe('zh-CN');
    expect(resolveLanguage('auto', 'en-GB')).toBe('en');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(translate('zh-CN', 'filedAs', { number: 'HT-1' })).toBe('已归档，编号 HT-1');
    expect(translate('en', 'filedAs', { number: '<b>1</b>' })).toBe('Filed as <b>1</b>');
  });
});
