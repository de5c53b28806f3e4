/**
 * What the survey (SKM / IKM) rules share: the answer labels of the vocabulary's survey scale and
 * the scoring formulas a table may use. Pure.
 */
import type { Config } from '../../model/config.js';

/** The answer labels of the survey scale, worst first. */
export const answerLabels = (config: Config): string[] => (config.vocabulary?.surveyScale ?? []).map((a) => a.label);

export interface Formula {
  name: string;
  nameEn: string;
  weights: number[];
}

/**
 * Scoring formulas tried, in order (the one that reproduces most rows is taken as the table's):
 * Σ share × weight, with the answers weighted evenly up to 100 (25/50/75/100 on four answers) or
 * 1, 2, 3, ... (PermenPANRB 14/2017 scores each answer 1–4).
 */
export function formulas(labels: readonly string[]): Formula[] {
  const n = labels.length;
  const of = (weights: number[]): Formula => {
    const list = labels.map((l, k) => `${l} ${weights[k]}`).join(', ');
    return { name: `Σ (persentase × bobot) dengan bobot ${list}`, nameEn: `Σ (share × weight) with weights ${list}`, weights };
  };
  return [of(labels.map((_, k) => (100 * (k + 1)) / n)), of(labels.map((_, k) => k + 1))];
}

/** The score of an answer distribution (shares in %) under weights. */
export function weightedScore(shares: readonly number[], weights: readonly number[]): number {
  return shares.reduce((a, v, i) => a + (v / 100) * weights[i]!, 0);
}
