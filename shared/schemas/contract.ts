import { z } from 'zod';
import { Id, IsoDate, Money, Timestamp } from './common';

export const CONTRACT_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'signing',
  'active',
  'expired',
  'terminated',
  'renewed',
  'archived',
] as const;
export const ContractStatus = z.enum(CONTRACT_STATUSES).meta({ id: 'ContractStatus' });
export type ContractStatus = z.infer<typeof ContractStatus>;

/** Contract types are codes chosen by each company (`sales`, `purchase`, `XSC`…), used by numbering rules. */
export const ContractType = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}_-]+$/u, 'letters, digits, - and _ only')
  .meta({ example: 'sales' });

export const Department = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}_-]+$/u, 'letters, digits, - and _ only')
  .meta({ example: 'SD' });

export const Party = z
  .strictObject({
    name: z.string().trim().min(1).max(300),
    role: z.string().trim().min(1).max(60).default('counterparty').meta({ example: '乙方' }),
  })
  .meta({ id: 'Party' });
export type Party = z.infer<typeof Party>;

export const PaymentMilestone = z
  .strictObject({
    id: z.string().min(1).max(64).optional(),
    label: z.string().trim().min(1).max(200),
    amount: Money.optional(),
    dueDate: IsoDate.optional(),
  })
  .meta({ id: 'PaymentMilestone' });

export const Renewal = z
  .strictObject({
    autoRenew: z.boolean().default(false),
    noticeDays: z.number().int().min(0).max(3650).nullable().default(null),
  })
  .meta({ id: 'Renewal' });

const CustomFields = z
  .record(z.string().min(1).max(80), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
  .refine((o) => Object.keys(o).length <= 100, 'at most 100 custom fields');

/** Fields a client may set. Only title and type are needed to create: a captured contract starts with little. */
const editable = {
  title: z.string().trim().min(1).max(500),
  type: ContractType,
  department: Department.nullable(),
  counterparty: z.array(Party).max(20),
  ourEntity: z.string().trim().max(300).nullable(),
  amount: Money.nullable(),
  signedDate: IsoDate.nullable(),
  effectiveDate: IsoDate.nullable(),
  expiryDate: IsoDate.nullable(),
  renewal: Renewal,
  paymentMilestones: z.array(PaymentMilestone).max(100),
  owner: Id.nullable().meta({ description: 'User id of the person responsible' }),
  status: ContractStatus,
  tags: z.array(z.string().trim().min(1).max(60)).max(50),
  customFields: CustomFields,
};

export const ContractCreate = z
  .strictObject({
    title: editable.title,
    type: editable.type,
    department: editable.department.optional(),
    counterparty: editable.counterparty.optional(),
    ourEntity: editable.ourEntity.optional(),
    amount: editable.amount.optional(),
    signedDate: editable.signedDate.optional(),
    effectiveDate: editable.effectiveDate.optional(),
    expiryDate: editable.expiryDate.optional(),
    renewal: editable.renewal.optional(),
    paymentMilestones: editable.paymentMilestones.optional(),
    owner: editable.owner.optional(),
    status: editable.status.optional(),
    tags: editable.tags.optional(),
    customFields: editable.customFields.optional(),
  })
  .refine((c) => !c.effectiveDate || !c.expiryDate || c.expiryDate >= c.effectiveDate, {
    message: 'expiryDate is before effectiveDate',
    path: ['expiryDate'],
  })
  .meta({ id: 'ContractCreate' });
export type ContractCreate = z.infer<typeof ContractCreate>;

export const ContractPatch = z
  .strictObject({
    title: editable.title.optional(),
    type: editable.type.optional(),
    department: editable.department.optional(),
    counterparty: editable.counterparty.optional(),
    ourEntity: editable.ourEntity.optional(),
    amount: editable.amount.optional(),
    signedDate: editable.signedDate.optional(),
    effectiveDate: editable.effectiveDate.optional(),
    expiryDate: editable.expiryDate.optional(),
    renewal: editable.renewal.optional(),
    paymentMilestones: editable.paymentMilestones.optional(),
    owner: editable.owner.optional(),
    status: editable.status.optional(),
    tags: editable.tags.optional(),
    customFields: editable.customFields.optional(),
  })
  .meta({ id: 'ContractPatch' });
export type ContractPatch = z.infer<typeof ContractPatch>;

/** A legal hold: while set, the contract's documents may not be destroyed whatever its retention. */
export const LegalHold = z
  .object({
    reason: z.string(),
    by: z.string().meta({ description: 'User id of who placed the hold' }),
    at: Timestamp,
  })
  .meta({ id: 'LegalHold' });
export type LegalHold = z.infer<typeof LegalHold>;

export const Contract = z
  .object({
    id: Id,
    number: z.string().meta({ example: 'XSC-2024-SD-001' }),
    title: z.string(),
    type: z.string(),
    department: z.string().nullable(),
    counterparty: z.array(Party),
    ourEntity: z.string().nullable(),
    amount: Money.nullable(),
    signedDate: z.string().nullable(),
    effectiveDate: z.string().nullable(),
    expiryDate: z.string().nullable(),
    renewal: z.object({ autoRenew: z.boolean(), noticeDays: z.number().int().nullable() }),
    paymentMilestones: z.array(PaymentMilestone),
    owner: z.string().nullable(),
    status: ContractStatus,
    tags: z.array(z.string()),
    customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    versionCount: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    legalHold: LegalHold.nullable(),
    retentionUntil: z.string().nullable().meta({
      description:
        'Retention runs until this date (YYYY-MM-DD), from the retention policy of the type; on and after it the contract is due for destruction review. Null while the contract has no end.',
      example: '2034-12-31',
    }),
  })
  .meta({ id: 'Contract' });
export type Contract = z.infer<typeof Contract>;

export const CONTRACT_SORT_FIELDS = [
  'createdAt',
  'updatedAt',
  'number',
  'title',
  'signedDate',
  'effectiveDate',
  'expiryDate',
  'amount',
] as const;

const csv = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .optional();

/** Filters shared by the list and by search. */
export const ContractFilters = z.strictObject({
  status: csv.meta({ description: 'One or more statuses, comma-separated' }),
  type: csv,
  department: csv,
  counterparty: z.string().max(200).optional().meta({ description: 'Part of a party name' }),
  owner: z.string().max(64).optional(),
  tag: z.string().max(60).optional(),
  signedFrom: IsoDate.optional(),
  signedTo: IsoDate.optional(),
  effectiveFrom: IsoDate.optional(),
  effectiveTo: IsoDate.optional(),
  expiryFrom: IsoDate.optional(),
  expiryTo: IsoDate.optional(),
  amountMin: z.coerce.number().int().min(0).optional().meta({ description: 'Minor units' }),
  amountMax: z.coerce.number().int().min(0).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  text: z.string().max(200).optional().meta({ description: 'Part of the title or number' }),
});
export type ContractFilters = z.infer<typeof ContractFilters>;

export const ContractListQuery = ContractFilters.extend({
  sort: z.enum(CONTRACT_SORT_FIELDS).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ContractListQuery = z.infer<typeof ContractListQuery>;

export const ContractPage = z
  .object({ items: z.array(Contract), nextCursor: z.string().nullable() })
  .meta({ id: 'ContractPage' });

export const NumberingRule = z
  .strictObject({
    pattern: z.string().min(1).max(120).meta({ example: 'XSC-{YYYY}-{DEPT}-{SEQ:3}' }),
  })
  .meta({ id: 'NumberingRuleInput' });
