import { createContext, useContext, type ReactNode } from 'react';
import type { LabDeckClient } from './client';

const ClientContext = createContext<LabDeckClient | null>(null);

/** Components get the client from context (not a module singleton) so tests can supply their own. */
export function ClientProvider({ client, children }: { client: LabDeckClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): LabDeckClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() used outside <ClientProvider>');
  return client;
}
