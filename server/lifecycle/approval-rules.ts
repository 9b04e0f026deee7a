import { ContractType, Department } from '@shared/schemas/contract';
import { z } from 'zod';
import { ROLES } from '../auth/principal';

/**
 * Who may act on a step: a named user, or everyone holding a role — optionally only in one department.
 * `department: 'contract'` means the contract's own department: "the department head" is
 * `{ role: 'reviewer', department: 'contract' }`, a reviewer of the contract's department.
 */
export const ApproverSpec = z
  .union([
    z.strictObject({ userId: z.string().min(1).max(64) }),
    z.strictObject({
      role: z.enum(ROLES),
      department: z
        .union([z.literal('contract'), Department])
        .optional()
        .meta({ description: "A department code, or 'contract' for the contract's own department" }),
    }),
  ])
  .meta({ id: 'ApproverSpec' });
export type ApproverSpec = z.infer<typeof ApproverSpec>;

export const ApprovalStepRule = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    approvers: z.array(ApproverSpec).min(1).max(20),
    mode: z
      .enum(['all', 'any'])
      .default('all')
      .meta({ description: 'Parallel approvers: all must approve, or any one of them suffices' }),
  })
  .meta({ id: 'ApprovalStepRule' });
export type ApprovalStepRule = z.infer<typeof ApprovalStepRule>;

const MinorUnits = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const AmountRange = z
  .strictObject({
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY'),
    min: MinorUnits.optional().meta({ description: 'Inclusive lower bound, minor units' }),
    max: MinorUnits.optional().meta({ description: 'Exclusive upper bound, minor units' }),
  })
  .meta({ id: 'AmountRange' });
export type AmountRange = z.infer<typeof AmountRange>;

export const ApprovalRule = z
  .strictObject({
    id: z.string().trim().min(1).max(64),
    name: z.string().trim().min(1).max(200),
    match: z
      .strictObject({
        types: z.array(ContractType).max(100).optional(),
        departments: z.array(Department).max(100).optional(),
        amount: AmountRange.optional(),
      })
      .default({}),
    steps: z.array(ApprovalStepRule).min(1).max(20),
    stop: z
      .boolean()
      .default(false)
      .meta({ description: 'When this rule applies, the rules after it are not considered' }),
    resetOnNewVersion: z
      .boolean()
      .default(true)
      .meta({ description: 'A new document version sets the decisions of these steps back to pending' }),
  })
  .meta({ id: 'ApprovalRule' });
export type ApprovalRule = z.infer<typeof ApprovalRule>;

export const ApprovalRuleSet = z
  .array(ApprovalRule)
  .max(200)
  .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique')
  .meta({ id: 'ApprovalRuleSet' });
