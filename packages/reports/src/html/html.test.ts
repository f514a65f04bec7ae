import { describe, expect, it } from 'vitest';
import { escapeHtml, markup, trusted } from './html.js';

describe('the markup tag', () => {
  it('escapes every interpolated string', () => {
    const name = '<script>alert("x")</script>';
    expect(markup`<td>${name}</td>`.text).toBe('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>');
  });

  it('keeps attribute values inside their quotes', () => {
    const title = `" onmouseover='alert(1)`;
    expect(markup`<abbr title="${title}">x</abbr>`.text).toBe(
      '<abbr title="&quot; onmouseover=&#39;alert(1)">x</abbr>',
    );
  });

  it('escapes & first, so an entity in data stays text', () => {
    expect(escapeHtml('A&B &lt;厂&gt;')).toBe('A&amp;B &amp;lt;厂&amp;gt;');
  });

  it('nests templates and joins arrays without escaping them twice', () => {
    const rows = ['甲', '<乙>'].map((name) => markup`<li>${name}</li>`);
    expect(markup`<ul>${rows}</ul>`.text).toBe('<ul><li>甲</li><li>&lt;乙&gt;</li></ul>');
  });

  it('writes numbers, nothing for null and undefined, and trusted markup as it is', () => {
    expect(markup`${1.5}|${null}|${undefined}|${trusted('<b>')}`.text).toBe('1.5|||<b>');
  });
});
