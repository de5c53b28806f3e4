/**
 * The reporters write a finding's data through these (src/audit/format.ts): the printed and expected
 * values and the tolerance, in the chosen language. Pure.
 */
export { formatData, formatExpected, formatNumber, formatQuantity, formatReported, formatTolerance } from '../audit/format.js';
