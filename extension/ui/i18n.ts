export type Language = 'zh-CN' | 'en';
export type LanguageSetting = Language | 'auto';

const en = {
  appName: 'Pactfile',
  foundTitle: 'Documents on this page',
  noDocuments: 'No PDF or Word document found on this page.',
  unsupportedPage: 'Open a message in Gmail or Outlook, or an envelope in an e-signature portal.',
  rescan: 'Look again',
  file: 'File',
  fileAgain: 'Try again',
  titleLabel: 'Contract title',
  typeLabel: 'Contract type',
  queued: 'Waiting to be filed…',
  'step.download': 'Downloading…',
  'step.check': 'Checking the registry…',
  'step.upload': 'Uploading…',
  'step.contract': 'Creating the contract…',
  'step.version': 'Adding the document…',
  filedAs: 'Filed as {number}',
  alreadyFiledAs: 'Already filed as {number}',
  retrying: 'Will try again at {time}: {error}',
  failed: 'Not filed: {error}',
  noLink: 'This file cannot be fetched from the page.',
  signedOutBanner: 'Sign in to the registry to file documents.',
  openOptions: 'Open settings',
  recentJobs: 'Recent filings',
  from: 'From',
  optionsTitle: 'Pactfile settings',
  registryUrl: 'Registry address',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: 'Signed in as {name} ({email})',
  testConnection: 'Test the connection',
  connectionOk: 'Connected: {name}, role {role}.',
  language: 'Language',
  languageAuto: 'Browser language',
  defaultType: 'Default contract type',
  save: 'Save',
  saved: 'Saved.',
  badUrl: 'Enter an http:// or https:// address.',
  permissionDenied: 'Access to {origin} was not granted: the extension cannot reach the registry.',
  working: 'Working…',
  wrongPassword: 'Wrong email or password.',
  targetNew: 'New contract',
  targetExisting: 'Add to a contract',
  searchContracts: 'Contract number or title',
  noContracts: 'No contract found.',
  chooseContract: 'Choose',
  searchTitle: 'Search the registry',
  search: 'Search',
  searchTotal: '{total} contracts found',
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  appName: 'Pactfile 合同归档',
  foundTitle: '本页的文档',
  noDocuments: '本页没有找到 PDF 或 Word 文档。',
  unsupportedPage: '请在 Gmail 或 Outlook 中打开邮件，或在电子签平台中打开信封。',
  rescan: '重新查找',
  file: '归档',
  fileAgain: '重试',
  titleLabel: '合同名称',
  typeLabel: '合同类型',
  queued: '等待归档…',
  'step.download': '正在下载…',
  'step.check': '正在查询登记系统…',
  'step.upload': '正在上传…',
  'step.contract': '正在创建合同…',
  'step.version': '正在添加文档…',
  filedAs: '已归档，编号 {number}',
  alreadyFiledAs: '已归档过，编号 {number}',
  retrying: '将于 {time} 重试：{error}',
  failed: '未归档：{error}',
  noLink: '无法从页面获取此文件。',
  signedOutBanner: '请先登录登记系统，再归档文档。',
  openOptions: '打开设置',
  recentJobs: '最近归档',
  from: '发件人',
  optionsTitle: 'Pactfile 设置',
  registryUrl: '登记系统地址',
  email: '邮箱',
  password: '密码',
  signIn: '登录',
  signOut: '退出登录',
  signedInAs: '已登录：{name}（{email}）',
  testConnection: '测试连接',
  connectionOk: '连接正常：{name}，角色 {role}。',
  language: '语言',
  languageAuto: '跟随浏览器',
  defaultType: '默认合同类型',
  save: '保存',
  saved: '已保存。',
  badUrl: '请输入 http:// 或 https:// 开头的地址。',
  permissionDenied: '未获准访问 {origin}：扩展无法连接登记系统。',
  working: '处理中…',
  wrongPassword: '邮箱或密码错误。',
  targetNew: '新建合同',
  targetExisting: '添加到已有合同',
  searchContracts: '合同编号或名称',
  noContracts: '没有找到合同。',
  chooseContract: '选择',
  searchTitle: '搜索合同登记系统',
  search: '搜索',
  searchTotal: '找到 {total} 份合同',
};

/** The language to show: the setting, or the browser's display language (Chinese → zh-CN, else English). */
export function resolveLanguage(setting: LanguageSetting, browserLanguage: string): Language {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** A UI string with `{name}` placeholders filled in (as text: never HTML). */
export function translate(lang: Language, key: MessageKey, params: Record<string, string> = {}): string {
  const template = lang === 'zh-CN' ? zh[key] : en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Picks the language of a message that carries both. */
export function localized(lang: Language, message: { zh: string; en: string }): string {
  return lang === 'zh-CN' ? message.zh : message.en;
}
