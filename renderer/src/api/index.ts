export { createClient, createClientOver, type LabDeckClient } from './client';
export { ClientError, errorShapeOf } from './client-error';
export { ClientProvider, useClient } from './client-context';
export type { ConnectionState, ConnectionStatus } from './transport';
export { createCommands, commandsFor, useCommands, type Commands } from './commands';
