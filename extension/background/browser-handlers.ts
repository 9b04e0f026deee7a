import type { BackgroundController } from './controller';
import { FILE_LINK_MENU_ID, type LinkClick } from './link-capture';

export const OPEN_PANEL_COMMAND = 'open-side-panel';

/** What the handlers need of the browser; the real ones wrap `chrome.*`, tests pass fakes. */
export interface HandlerPorts {
  /** Asks for access to these origins (the click is the user gesture a permission request needs). */
  requestOrigins(origins: string[]): Promise<boolean>;
  openSidePanel(target: { tabId?: number; windowId?: number }): Promise<void>;
}

export interface ClickedTab {
  id?: number;
  windowId?: number;
  title?: string;
}

/**
 * "File into Pactfile" on a link: opens the panel (where the filing shows), asks for the link's site, and
 * queues the link. Both browser calls start before any await: a user gesture does not outlive one.
 */
export async function onFileLinkMenu(
  info: LinkClick & { menuItemId: string | number },
  tab: ClickedTab | undefined,
  controller: Pick<BackgroundController, 'fileLink'>,
  ports: HandlerPorts,
): Promise<{ ok: boolean; jobId?: string; error?: string }> {
  if (info.menuItemId !== FILE_LINK_MENU_ID || !info.linkUrl) return { ok: false, error: 'not this menu' };
  let origin: string;
  try {
    origin = new URL(info.linkUrl).origin;
  } catch {
    return { ok: false, error: 'not a link' };
  }
  const opened = ports.openSidePanel(panelTarget(tab)).catch(() => undefined);
  const granted = await ports.requestOrigins([`${origin}/*`]).catch(() => false);
  await opened;
  if (!granted) return { ok: false, error: `access to ${origin} was not granted` };
  return controller.fileLink(info, tab?.title ?? null);
}

function panelTarget(tab: ClickedTab | undefined): { tabId?: number; windowId?: number } {
  if (tab?.id !== undefined && tab.id >= 0) return { tabId: tab.id };
  return tab?.windowId !== undefined ? { windowId: tab.windowId } : {};
}

/** The keyboard shortcut: opens the side panel on the current tab. */
export async function onCommand(
  command: string,
  tab: ClickedTab | undefined,
  ports: Pick<HandlerPorts, 'openSidePanel'>,
): Promise<boolean> {
  if (command !== OPEN_PANEL_COMMAND) return false;
  await ports.openSidePanel(panelTarget(tab));
  return true;
}
