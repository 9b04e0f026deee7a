/** Table types of the registry database. JSON columns are stored as text on both dialects. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'legal' | 'staff' | 'reviewer' | 'viewer';
  department: string | null;
  password_hash: string | null;
  disabled: number;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
}

export interface ContractsTable {
  id: string;
  number: string;
  title: string;
  type: string;
  department: string | null;
  our_entity: string | null;
  amount_value: number | null;
  amount_currency: string | null;
  signed_date: string | null;
  effective_date: string | null;
  expiry_date: string | null;
  auto_renew: number;
  notice_days: number | null;
  payment_milestones: string;
  owner_id: string | null;
  status: string;
  tags: string;
  custom_fields: string;
  version_count: number;
  /** Given by a client that may retry the create (`Idempotency-Key` header). */
  idempotency_key: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContractPartiesTable {
  contract_id: string;
  position: number;
  name: string;
  role: string;
}

export interface ContractSharesTable {
  contract_id: string;
  user_id: string;
  created_at: string;
}

export interface NumberingRulesTable {
  type: string;
  pattern: string;
  updated_at: string;
}

export interface NumberingCountersTable {
  scope: string;
  value: number;
}

export interface BlobsTable {
  sha256: string;
  size: number;
  media_type: string;
  created_at: string;
}

export interface VersionsTable {
  id: string;
  contract_id: string;
  seq: number;
  sha256: string;
  filename: string;
  media_type: string;
  size: number;
  source: string;
  source_ref: string | null;
  created_by: string | null;
  created_at: string;
  text_status: 'pending' | 'done' | 'needs_ocr' | 'error';
  text_error: string | null;
  page_count: number | null;
  text: string | null;
}

export interface LibraryItemsTable {
  kind: 'clause' | 'playbook';
  id: string;
  version: number;
  language: string;
  category: string | null;
  /** Folded text for the library search (title, body, category, tags). */
  search_text: string;
  data: string;
  note: string | null;
  archived: number;
  created_by: string | null;
  created_at: string;
}

export interface VersionAnalysisTable {
  version_id: string;
  language: string;
  playbook_id: string;
  playbook_version: string;
  analyzed_at: string;
  errors: number;
  warnings: number;
  infos: number;
  /** JSON array of playbook findings. */
  findings: string;
  /** JSON of the metadata extracted from the text. */
  metadata: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface ApprovalRulesTable {
  id: string;
  position: number;
  /** JSON of the rule (server/lifecycle/approval-rules.ts). */
  data: string;
  updated_by: string | null;
  updated_at: string;
}

export interface ApprovalStepsTable {
  id: string;
  contract_id: string;
  /** Each entry into review routes a new round of steps. */
  round: number;
  position: number;
  rule_id: string;
  name: string;
  mode: 'all' | 'any';
  /** JSON array of resolved approvers. */
  approvers: string;
  status: 'pending' | 'approved' | 'rejected';
  reset_on_new_version: number;
  created_at: string;
  decided_at: string | null;
}

export interface ApprovalDecisionsTable {
  id: string;
  step_id: string;
  user_id: string;
  approver_index: number;
  decision: 'approve' | 'reject';
  comment: string | null;
  /** Set when a new document version reset the step. */
  superseded: number;
  decided_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  contract_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface ContractObligationsTable {
  id: string;
  contract_id: string;
  title: string;
  due_date: string;
  remind_days_before: number;
  owner_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ReminderSettingsTable {
  contract_id: string;
  expiry_days_before: number;
  renewal_notice_days_before: number;
  payment_days_before: number;
  updated_at: string;
}

export interface RemindersDoneTable {
  reminder_id: string;
  contract_id: string;
  done_by: string | null;
  done_at: string;
}

export interface ReminderNoticesTable {
  reminder_id: string;
  contract_id: string;
  notified_at: string;
}

export interface PaymentsTable {
  id: string;
  contract_id: string;
  milestone_id: string | null;
  amount_value: number;
  amount_currency: string;
  received_date: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CalendarFeedsTable {
  user_id: string;
  /** The secret in the feed's URL. */
  token: string;
  language: 'zh' | 'en';
  created_at: string;
}

export interface WebhooksTable {
  id: string;
  url: string;
  /** JSON array of event names. */
  events: string;
  secret: string;
  description: string | null;
  disabled_at: string | null;
  consecutive_failures: number;
  created_by: string | null;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event: string;
  body: string;
  state: 'pending' | 'sending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  lease_until: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface Database {
  users: UsersTable;
  api_tokens: ApiTokensTable;
  contracts: ContractsTable;
  contract_parties: ContractPartiesTable;
  contract_shares: ContractSharesTable;
  numbering_rules: NumberingRulesTable;
  numbering_counters: NumberingCountersTable;
  blobs: BlobsTable;
  versions: VersionsTable;
  meta: MetaTable;
  library_items: LibraryItemsTable;
  version_analysis: VersionAnalysisTable;
  approval_rules: ApprovalRulesTable;
  approval_steps: ApprovalStepsTable;
  approval_decisions: ApprovalDecisionsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  contract_obligations: ContractObligationsTable;
  reminder_settings: ReminderSettingsTable;
  reminders_done: RemindersDoneTable;
  reminder_notices: ReminderNoticesTable;
  payments: PaymentsTable;
  calendar_feeds: CalendarFeedsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
