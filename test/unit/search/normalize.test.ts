import { describe, expect, it } from 'vitest';
import { foldedQuery, indexableText } from '../../../shared/search';

describe('folding names and queries', () => {
  it('lets a search start at every Chinese character', () => {
    const t = indexableText('华东家电服务有限公司');
    expect(t.chars.join('')).toBe('华东家电服务有限公司');
    expect(t.starts).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('lets a search start only at word starts in an English name, ignoring case, spaces and punctuation', () => {
    const t = indexableText('Huadong Appliance Service Co., Ltd.');
    expect(t.chars.join('')).toBe('huadongapplianceservicecoltd');
    expect(t.starts).toEqual([0, 7, 16, 23, 25]);
  });

  it('folds full-width letters and brackets as a person might type them either way', () => {
    expect(indexableText('ＴＣＬ科技（中国）有限公司').chars.join('')).toBe('tcl科技中国有限公司');
    expect(foldedQuery('（中国）有限').join('')).toBe('中国有限');
  });

  it('starts a word again where Latin letters follow Chinese ones', () => {
    expect(indexableText('华为Huawei技术').starts).toEqual([0, 1, 2, 8, 9]);
  });

  it('counts a character outside the BMP as one character', () => {
    const t = indexableText('𠮷野家餐饮');
    expect(t.chars[0]).toBe('𠮷');
    expect(t.chars).toHaveLength(5);
  });
});
