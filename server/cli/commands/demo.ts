import { withRegistry } from '../open';
import { loadDemo } from '../ops/load-demo';
import { reportingErrors } from '../ops/messages';
import type { RegisterCommand } from './index';

const daysUntil = (iso: string) =>
  Math.round(
    (Date.parse(`${iso}T00:00:00Z`) - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000,
  );

export const registerDemo: RegisterCommand = (program) => {
  program
    .command('demo')
    .description(
      'Load a small demo data set: contracts in Chinese and English, documents, numbering rules, users',
    )
    .action(async () => {
      await reportingErrors(async (lang) => {
        const zh = lang === 'zh';
        const { result, url } = await withRegistry(async (registry) => ({
          result: await loadDemo(registry),
          url: `http://${registry.config.host}:${registry.config.port}`,
        }));
        if (!result.loaded) {
          console.log(
            zh
              ? `演示数据已于 ${result.loadedAt} 载入，未重复载入。`
              : `The demo data was loaded on ${result.loadedAt}; nothing was added again.`,
          );
        } else {
          console.log(
            zh
              ? `已载入 ${result.contracts.length} 份演示合同：`
              : `Loaded ${result.contracts.length} demo contracts:`,
          );
        }
        for (const c of result.contracts) {
          const days = c.expiryDate ? daysUntil(c.expiryDate) : null;
          const soon =
            days !== null && days >= 0 && days <= 90 ? (zh ? `（${days} 天后）` : ` (in ${days} days)`) : '';
          const expiry = c.expiryDate
            ? zh
              ? `  到期 ${c.expiryDate}${soon}`
              : `  expires ${c.expiryDate}${soon}`
            : '';
          console.log(`  ${c.number.padEnd(22)} ${c.title}${expiry}`);
        }
        if (result.rules.length > 0) {
          console.log(zh ? '编号规则：' : 'Numbering rules:');
          for (const r of result.rules) console.log(`  ${r.type.padEnd(12)} ${r.pattern}`);
        }
        console.log(zh ? '演示账号：' : 'Demo accounts:');
        for (const u of result.users) {
          const password = u.password ?? (zh ? `（见 ${result.usersFile}）` : `(see ${result.usersFile})`);
          console.log(
            `  ${u.email.padEnd(34)} ${password.padEnd(14)} ${u.role}${u.department ? ` ${u.department}` : ''}`,
          );
        }
        console.log(
          zh
            ? `用 \`pactfile serve\` 启动服务，然后在 Word 加载项或浏览器扩展中填写登记册地址 ${url}，用上面的账号登录。`
            : `Start the server with \`pactfile serve\`, then sign in from the Word add-in or the browser extension with the registry URL ${url} and one of these accounts.`,
        );
      });
    });
};
