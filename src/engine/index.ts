// Public surface of the engine, shared by the task pane, the CLI and the service.
export * from './model';
export type { Rule, RuleContext, RuleHit } from './rule';
export { analyze, score, levelFor, THRESHOLDS } from './analyze';
export { RULES } from './rules';
