import type { Principal } from '../../auth/principal';

/** The command line runs with the rights of whoever may open the data directory: it sees every contract. */
export const CLI_PRINCIPAL: Principal = { userId: 'cli', role: 'admin', department: null };
