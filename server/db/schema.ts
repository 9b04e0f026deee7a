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
}
