import { guessLanguage } from '@shared/text/language';
import { describe, expect, it } from 'vitest';

describe('guessLanguage', () => {
  it('tells Chinese from English documents', () => {
    expect(guessLanguage('甲方应于收到发票后三十日内支付货款。')).toBe('zh');
    expect(guessLanguage('The Buyer shall pay each invoice within thirty days.')).toBe('en');
  });

  it('keeps a Chinese contract full of English names Chinese, and the reverse', () => {
    expect(
      guessLanguage(
        '甲方：Acme Holdings, Inc.（注册地：Delaware, USA）\n乙方：北京星河科技有限公司\n双方同意如下条款。',
      ),
    ).toBe('zh');
    expect(
      guessLanguage(
        'This Supply Agreement is made between Acme Holdings, Inc. and 北京星河科技有限公司 (Beijing Xinghe Technology Co., Ltd.), a company organised under the laws of China.',
      ),
    ).toBe('en');
  });

  it('reads full-width Latin letters as Latin', () => {
    expect(guessLanguage('ＴＨＩＳ ＡＧＲＥＥＭＥＮＴ')).toBe('en');
  });
});
