/** The explicit, sorted registry of rules (no globbing). */
import type { Rule } from '../../model/rule.js';
import { agencyName } from './agency-name.js';
import { average } from './average.js';
import { budgetPercentage } from './budget-percentage.js';
import { budgetSum } from './budget-sum.js';
import { capaian } from './capaian.js';
import { capaianMissing } from './capaian-missing.js';
import { citation } from './citation.js';
import { countClaim } from './count-claim.js';
import { crossTable } from './cross-table.js';
import { identity } from './identity.js';
import { narrativeNumber } from './narrative-number.js';
import { outline } from './outline.js';
import { predicate } from './predicate.js';
import { reference } from './reference.js';
import { reportYear } from './report-year.js';
import { restatement } from './restatement.js';
import { skm } from './skm.js';
import { structureMissing } from './structure-missing.js';
import { targetDrift } from './target-drift.js';
import { templateGap } from './template-gap.js';
import { terbilang } from './terbilang.js';
import { trendClaim } from './trend-claim.js';
import { unreadableValue } from './unreadable-value.js';
import { verdict } from './verdict.js';
import { yearReference } from './year-reference.js';

export const RULES: readonly Rule[] = [agencyName, average, budgetPercentage, budgetSum, capaian, capaianMissing, citation, countClaim, crossTable, identity, narrativeNumber, outline, predicate, reference, reportYear, restatement, skm, structureMissing, targetDrift, templateGap, terbilang, trendClaim, unreadableValue, verdict, yearReference];
