/** The sites the extension reads. Content scripts run here and nowhere else. */
export const CONTENT_SCRIPT_MATCHES = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://app.docusign.com/*',
  'https://appdemo.docusign.com/*',
  'https://*.adobesign.com/*',
  'https://*.echosign.com/*',
  'https://*.esign.cn/*',
  'https://*.bestsign.cn/*',
  'https://*.fadada.com/*',
] as const;

/** Where the background fetches documents from: the sites, and where Gmail serves attachment bytes. */
export const DOWNLOAD_HOSTS = [...CONTENT_SCRIPT_MATCHES, 'https://mail-attachment.googleusercontent.com/*'];
