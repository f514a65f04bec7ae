// The public surface of @mujun/simulation: the same records under the current and a proposed method,
// compared enterprise by enterprise (who moves and why), by town and industry, and in 差别化电价; as plain
// data with exact decimal strings, a workbook and a printable page.
export { simulate, compareGradings, NO_CLASS, RULE_LABELS } from './simulate.js';
export type {
  GroupDistribution,
  Move,
  RuleCount,
  SimulatedEnterprise,
  Simulation,
  SimulationInput,
  SimulationSide,
} from './simulate.js';
export { whyMoved } from './reasons.js';
export type { SimulationRule, WhyMoved } from './reasons.js';
export { surchargeImpact } from './surcharge-impact.js';
export type { ImpactRow, ImpactTotals, SurchargeImpact } from './surcharge-impact.js';
export { writeSimulationWorkbook, simulationTitle, MOVE_WORDS } from './xlsx.js';
export { renderSimulationPage } from './html.js';
