import {describe, expect, it} from 'vitest';
import {checkScopes, tokenShapeProblem} from './token';

describe('which tokens sync accepts', () => {
  it('a classic token with only the gist scope', () => {
    expect(checkScopes(['gist'])).toEqual({ok: true, fineGrained: false});
  });
  it('refuses a classic token with any other scope, and names them', () => {
    const check = checkScopes(['gist', 'repo', 'user']);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toContain('repo, user');
  });
  it('refuses a classic token without the gist scope', () => {
    expect(checkScopes([]).ok).toBe(false);
  });
  it('a fine-grained token sends no scopes; it is accepted and noted as one', () => {
    expect(checkScopes(null)).toEqual({ok: true, fineGrained: true});
  });
  it('pasted text with spaces or of the wrong shape is refused without repeating it', () => {
    const secret = 'ghp_abcdefghijklmnopqrstuvwxyz0123 456789';
    expect(tokenShapeProblem(secret)).not.toContain('ghp_');
    expect(tokenShapeProblem('')).toMatch(/Paste/);
    expect(tokenShapeProblem('ghp_abcdefghijklmnopqrstuvwxyz0123456789')).toBeNull();
  });
});
