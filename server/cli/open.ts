import { loadConfig } from '../config';
import { openRegistry, type Registry } from '../registry';

/** Opens the registry of the current configuration for a command, and closes it afterwards. */
export async function withRegistry<T>(fn: (registry: Registry) => Promise<T>): Promise<T> {
  const registry = await openRegistry(loadConfig(), (m) => console.error(m), { resumeIngest: false });
  try {
    return await fn(registry);
  } finally {
    await registry.close();
  }
}
