import type { Dataset, Entry } from '../dataset.js';
import { cohortLabel, compareCodes, compareNames, townOf } from '../dataset.js';

/**
 * The 公示 list: who is in which class, and nothing more. 排名不分先后 — no rank, no score, and an order
 * (by name in 拼音 order, or by code) that says nothing about either. Appendices: the exempt (暂不评价)
 * enterprises with their reasons, and the rated enterprises under a protection policy with their class.
 */

export type PublicationOrder = 'name' | 'code';

export interface ListedEnterprise {
  readonly uscc: string;
  readonly name: string;
  readonly town: string;
}

export interface PublicationClass {
  readonly id: string;
  readonly label: string;
  readonly enterprises: readonly ListedEnterprise[];
}

export interface PublicationCohort {
  readonly id: string;
  readonly label: string;
  readonly classes: readonly PublicationClass[];
}

export interface ExemptEnterprise extends ListedEnterprise {
  readonly reasons: string;
}

export interface ProtectedEnterprise extends ListedEnterprise {
  readonly cohortLabel: string;
  readonly reasons: string;
  readonly finalClass: string;
  readonly finalClassLabel: string;
}

export interface PublicationList {
  readonly schemeName: string;
  readonly order: PublicationOrder;
  readonly cohorts: readonly PublicationCohort[];
  readonly exemptClass: { readonly id: string; readonly label: string };
  readonly exempt: readonly ExemptEnterprise[];
  readonly protected: readonly ProtectedEnterprise[];
}

/** A record's reasons joined as a clerk writes them; the engine's words where the record gives none. */
function reasonsOf(items: readonly string[], fallback: string | null): string {
  return items.length > 0 ? items.join('；') : (fallback ?? '');
}

export function publicationList(data: Dataset, order: PublicationOrder = 'name'): PublicationList {
  const compare = (a: ListedEnterprise, b: ListedEnterprise): number =>
    order === 'name'
      ? compareNames(a.name, b.name) || compareCodes(a.uscc, b.uscc)
      : compareCodes(a.uscc, b.uscc);
  const listed = (entry: Entry): ListedEnterprise => ({
    uscc: entry.result.uscc,
    name: entry.result.name,
    town: townOf(entry),
  });
  const { scheme } = data;
  const cohorts = scheme.cohorts.map((cohort) => {
    const members = data.entries.filter(
      (entry) => entry.result.status === 'rated' && entry.result.cohort === cohort.id,
    );
    return {
      id: cohort.id,
      label: cohort.label,
      classes: scheme.classes.map((c) => ({
        id: c.id,
        label: c.label,
        enterprises: members
          .filter((entry) => entry.result.finalClass === c.id)
          .map(listed)
          .sort(compare),
      })),
    };
  });
  const exempt = data.entries
    .filter((entry) => entry.result.status === 'exempt')
    .map((entry) => ({ ...listed(entry), reasons: reasonsOf(entry.record.exemptReason, entry.scopeNote) }))
    .sort(compare);
  const protectedOnes = data.entries
    .filter((entry) => entry.result.status === 'rated' && entry.record.protectedReason.length > 0)
    .map((entry) => ({
      ...listed(entry),
      cohortLabel: cohortLabel(scheme, entry.result.cohort),
      reasons: reasonsOf(entry.record.protectedReason, null),
      finalClass: entry.result.finalClass ?? '',
      finalClassLabel: entry.result.finalClassLabel ?? '',
    }))
    .sort(compare);
  return {
    schemeName: scheme.name,
    order,
    cohorts,
    exemptClass: { id: scheme.exemptClass.id, label: scheme.exemptClass.label },
    exempt,
    protected: protectedOnes,
  };
}
