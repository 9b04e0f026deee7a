/** The host-permission pattern covering a registry address (`https://contracts.example.com/*`). */
export function originPattern(registryUrl: string): string {
  return `${new URL(registryUrl).origin}/*`;
}
