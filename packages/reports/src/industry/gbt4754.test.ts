import { describe, expect, it } from 'vitest';
import { majorGroupLabel, majorGroupOf } from './gbt4754.js';

describe('GB/T 4754 大类', () => {
  it('reads the two digits after an optional 门类 letter', () => {
    expect(majorGroupOf('C3670')).toEqual({
      code: 'C36',
      section: 'C',
      sectionName: '制造业',
      name: '汽车制造业',
    });
    expect(majorGroupOf('3670')?.code).toBe('C36');
    expect(majorGroupOf(' c29 ')?.code).toBe('C29');
    expect(majorGroupOf('0610')?.code).toBe('B06');
    expect(majorGroupOf('D4411')?.name).toBe('电力、热力生产和供应业');
  });

  it('labels a 大类 without a name by its code', () => {
    const group = majorGroupOf('7010');
    expect(group).toMatchObject({ code: 'K70', name: null });
    expect(group && majorGroupLabel(group)).toBe('K70');
  });

  it('refuses what is not a GB/T 4754 code', () => {
    for (const code of ['', 'C', '36700', 'CC36', '9910', '00']) expect(majorGroupOf(code)).toBeNull();
  });
});
