import { CONTRACT_STATUSES } from '@shared/schemas/contract';
import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  canTransition,
  checkTransition,
  TRANSITIONS,
} from '../../../server/lifecycle/status-machine';

describe('contract status machine', () => {
  it('walks the main path draft → in_review → approved → signing → active → expired', () => {
    const path = ['draft', 'in_review', 'approved', 'signing', 'active', 'expired'] as const;
    for (let i = 1; i < path.length; i++) {
      const from = path[i - 1];
      const to = path[i];
      if (!from || !to) throw new Error('path');
      expect(canTransition(from, to), `${from} → ${to}`).toBe(true);
    }
  });

  it('ends an active contract as expired, terminated or renewed', () => {
    expect(allowedTransitions('active')).toEqual(['expired', 'terminated', 'renewed', 'archived']);
  });

  it('refuses skipping review and lists the allowed moves', () => {
    expect(checkTransition('draft', 'active')).toEqual({ ok: false, allowed: ['in_review', 'archived'] });
    expect(checkTransition('draft', 'approved').ok).toBe(false);
    expect(checkTransition('in_review', 'signing').ok).toBe(false);
  });

  it('sends in_review, approved and signing back to draft', () => {
    for (const from of ['in_review', 'approved', 'signing'] as const)
      expect(canTransition(from, 'draft')).toBe(true);
    expect(canTransition('active', 'draft')).toBe(false);
  });

  it('archives from every status but in_review and signing, and archived is final', () => {
    const archivable = CONTRACT_STATUSES.filter((s) => canTransition(s, 'archived'));
    expect(archivable.sort()).toEqual(
      CONTRACT_STATUSES.filter((s) => !['in_review', 'signing', 'archived'].includes(s)).sort(),
    );
    expect(allowedTransitions('archived')).toEqual([]);
  });

  it('names only real statuses and never a move to the same status', () => {
    for (const [from, tos] of Object.entries(TRANSITIONS)) {
      for (const to of tos) {
        expect(CONTRACT_STATUSES).toContain(to);
        expect(to).not.toBe(from);
      }
    }
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...CONTRACT_STATUSES].sort());
  });
});
