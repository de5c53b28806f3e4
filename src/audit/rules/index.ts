/** The explicit, sorted registry of rules (no globbing). */
import type { Rule } from '../../model/rule.js';
import { average } from './average.js';
import { budgetPercentage } from './budget-percentage.js';
import { budgetSum } from './budget-sum.js';
import { capaian } from './capaian.js';
import { predicate } from './predicate.js';
import { targetDrift } from './target-drift.js';

export const RULES: readonly Rule[] = [average, budgetPercentage, budgetSum, capaian, predicate, targetDrift];
