import { ROLES, type Role } from '../../auth/principal';
import { hashPassword } from '../../auth/secrets';
import { atomically } from '../../db/atomically';
import { withRegistry } from '../open';
import type { RegisterCommand } from './index';

export const registerUsers: RegisterCommand = (program) => {
  const user = program.command('user').description('Manage users');
  user
    .command('add')
    .description('Add a user (prints an API token for them when --token is given)')
    .requiredOption('--email <email>', 'sign-in email')
    .option('--name <name>', 'display name')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'staff')
    .option('--department <code>', 'department code, e.g. SD')
    .option('--password <password>', 'password for signing in (8+ characters)')
    .option('--token', 'also create an API token and print it')
    .action(
      async (o: {
        email: string;
        name?: string;
        role: string;
        department?: string;
        password?: string;
        token?: boolean;
      }) => {
        if (!ROLES.includes(o.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
        if (o.password !== undefined && o.password.length < 8)
          throw new Error('--password must be at least 8 characters');
        await withRegistry(async (r) => {
          if (await r.users.byEmailWithHash(o.email))
            throw new Error(`A user with email ${o.email} exists already.`);
          const passwordHash = o.password ? await hashPassword(o.password) : null;
          const u = await atomically(r.db, async (unit) => {
            const created = await unit.users.create({
              email: o.email,
              name: o.name ?? o.email.split('@')[0] ?? o.email,
              role: o.role as Role,
              department: o.department ?? null,
              passwordHash,
            });
            // No actor: the command line acts as the system, like contracts it imports.
            unit.audit({
              actorId: null,
              entityType: 'user',
              entityId: created.id,
              action: 'create',
              after: { ...created, passwordSet: passwordHash !== null, source: 'cli' },
            });
            return created;
          });
          console.log(`Added ${u.email} (${u.role}${u.department ? `, ${u.department}` : ''}) as ${u.id}`);
          if (o.token) console.log(`API token: ${(await r.users.createToken(u.id, 'cli')).token}`);
        });
      },
    );
  user
    .command('list')
    .description('List users')
    .action(async () => {
      await withRegistry(async (r) => {
        for (const u of await r.users.list()) {
          console.log(
            `${u.id}  ${u.email}  ${u.role}  ${u.department ?? '-'}${u.disabled ? '  (disabled)' : ''}`,
          );
        }
      });
    });

  program
    .command('token')
    .description('Manage API tokens')
    .command('create')
    .description('Create an API token for a user and print it (it is shown once)')
    .requiredOption('--email <email>', 'the user')
    .option('--name <name>', 'what the token is for', 'cli')
    .action(async (o: { email: string; name: string }) => {
      await withRegistry(async (r) => {
        const u = await r.users.byEmailWithHash(o.email);
        if (!u) throw new Error(`No user with email ${o.email}.`);
        console.log((await r.users.createToken(u.id, o.name)).token);
      });
    });
};
