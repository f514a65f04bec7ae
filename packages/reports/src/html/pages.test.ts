import { grade, presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { aggregates } from '../build/aggregates.js';
import { confirmationSheets } from '../build/confirmation.js';
import { taxPerMuDistribution } from '../build/distribution.js';
import { publicationList } from '../build/publication.js';
import { summary } from '../build/summary.js';
import { dataset } from '../dataset.js';
import { TINY_RECORDS } from '../testing/tiny-county.js';
import { renderConfirmationPage } from './confirmation.js';
import { renderPublicationPage } from './publication.js';
import { renderSummaryPage } from './summary.js';

const SCRIPT = '<script>alert("x")</script>';

/** The tiny county with user data that is markup: an enterprise name, a town and a reason. */
function hostileCounty() {
  const records = TINY_RECORDS.map((record, i) =>
    i === 0
      ? { ...record, name: `${SCRIPT}甲公司`, town: '<b>东城</b>' }
      : i === 6
        ? { ...record, exemptReason: ['<img src=x onerror=alert(1)>'] }
        : record,
  );
  return dataset(records, grade(records, presetScheme('reference')));
}

describe('the pages escape what the data says', () => {
  const data = hostileCounty();
  const pages = {
    publication: renderPublicationPage(publicationList(data)),
    summary: renderSummaryPage({
      schemeName: data.scheme.name,
      valueDp: 4,
      summary: summary(data),
      aggregates: aggregates(data),
      distribution: taxPerMuDistribution(data),
      yearOverYear: null,
    }),
    confirmation: [...renderConfirmationPage(confirmationSheets(data))].join(''),
  };

  it.each(Object.entries(pages))('%s: no markup from the data survives, the text does', (_, page) => {
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>');
    expect(page).toContain('&lt;b&gt;东城&lt;/b&gt;');
  });

  it('names the enterprise with its markup as text', () => {
    expect(pages.publication).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;甲公司');
    expect(pages.publication).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(pages.confirmation).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;甲公司');
  });

  it('is Chinese first, with the charts and one sheet per enterprise', () => {
    for (const page of Object.values(pages))
      expect(page.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    for (const page of Object.values(pages)) {
      // One body, closed at the very end: the content is inside it.
      expect(page.match(/<body>/g)).toHaveLength(1);
      expect(page.match(/<\/body>/g)).toHaveLength(1);
      expect(page.endsWith('</main>\n</body>\n</html>\n')).toBe(true);
    }
    expect(pages.summary.match(/<svg /g)).toHaveLength(3);
    expect(pages.confirmation.match(/<section class="sheet"/g)).toHaveLength(8);
    expect(pages.publication).toContain('排名不分先后');
  });
});
