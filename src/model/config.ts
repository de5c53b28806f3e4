/** Configuration users may edit (rules/*.yaml), validated with zod. */
import { z } from 'zod';
import { SeveritySchema } from './finding.js';

export const BandConfigSchema = z.object({
  label: z.string().min(1),
  grade: z.string().optional(),
  min: z.number().nullable().default(null),
  minInclusive: z.boolean().default(true),
  max: z.number().nullable().default(null),
  maxInclusive: z.boolean().default(false),
});

export const ScaleConfigSchema = z.object({
  name: z.string().min(1),
  bands: z.array(BandConfigSchema).min(2),
});

export const RuleSettingSchema = z.object({
  enabled: z.boolean().default(true),
  severity: SeveritySchema.optional(),
});

export const ConfigSchema = z.object({
  rules: z.record(z.string(), RuleSettingSchema).default({}),
  tolerances: z
    .object({
      /** Money is compared exactly (rupiah are printed whole). */
      moneyExact: z.boolean().default(true),
      /** Allowed absolute difference in percentage points for a sum-of-shares check. */
      shareSumPoints: z.number().min(0).default(0.5),
    })
    .default({ moneyExact: true, shareSumPoints: 0.5 }),
  scales: z.record(z.string(), ScaleConfigSchema).default({}),
  defaultScale: z.string().default('permenpanrb'),
  vocabulary: z
    .object({
      tableKinds: z.array(z.object({ kind: z.string(), any: z.array(z.array(z.string()).min(1)).min(1), none: z.array(z.string()).default([]) })),
      indicatorSynonyms: z.array(z.tuple([z.string(), z.string()])).default([]),
      /** Words that make an indicator negative-polarity (lower realisation is better). */
      negativeIndicators: z.array(z.string()).default([]),
      /** What a document is, from its cover's title words (src/parse/doc-kind.ts). */
      documentKinds: z
        .array(
          z.object({
            kind: z.string().min(1),
            titles: z.array(z.string().min(1)).min(1),
            with: z.array(z.string().min(1)).default([]),
            name: z.tuple([z.string(), z.string()]),
          }),
        )
        .default([]),
    })
    .optional(),
});
export type Config = z.infer<typeof ConfigSchema>;
