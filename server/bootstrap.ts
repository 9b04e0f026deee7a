import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from './auth/secrets';
import type { Registry } from './registry';

export const FIRST_ADMIN_EMAIL = 'admin@pactfile.local';

/**
 * Makes sure an empty registry can be signed in to. With PACTFILE_ADMIN_TOKEN the first admin gets
 * that token; otherwise a first admin with a random password is created and the way in is printed
 * (and kept in DATA_DIR/first-admin.txt, readable by the owner only).
 */
export async function ensureFirstAdmin(registry: Registry, say: (line: string) => void): Promise<void> {
  if ((await registry.users.count()) > 0) return;
  const { adminToken, dataDir, host, port } = registry.config;
  if (adminToken) {
    const admin = await registry.users.create({
      email: FIRST_ADMIN_EMAIL,
      name: 'Administrator',
      role: 'admin',
    });
    await registry.users.createToken(admin.id, 'PACTFILE_ADMIN_TOKEN', adminToken);
    say(`First admin created (${FIRST_ADMIN_EMAIL}); use PACTFILE_ADMIN_TOKEN as its API token.`);
    return;
  }
  const password = randomBytes(9).toString('base64url');
  await registry.users.create({
    email: FIRST_ADMIN_EMAIL,
    name: 'Administrator',
    role: 'admin',
    passwordHash: await hashPassword(password),
  });
  const file = join(dataDir, 'first-admin.txt');
  writeFileSync(file, `email: ${FIRST_ADMIN_EMAIL}\npassword: ${password}\n`, { mode: 0o600 });
  say('');
  say('  This registry is new. Sign in as the first administrator:');
  say(`    email:    ${FIRST_ADMIN_EMAIL}`);
  say(`    password: ${password}      (also in ${file})`);
  say(`  in the Word add-in or the browser extension with the registry URL http://${host}:${port},`);
  say(
    `  or get an API token: curl -X POST http://${host}:${port}/api/auth/login -H 'content-type: application/json' \\`,
  );
  say(`    -d '{"email":"${FIRST_ADMIN_EMAIL}","password":"${password}"}'`);
  say('  Then add your colleagues with `pactfile user add`, and try `pactfile demo` for sample contracts.');
  say('');
}
