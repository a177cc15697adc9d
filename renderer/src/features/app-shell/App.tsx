import { useEffect } from 'react';
import { ClientProvider, type LabDeckClient } from '../../api';
import { FeatureSlotsProvider } from '../../components/feature-slots';
import { syncWithEngine } from '../../store';
import { AddHostDialog } from '../add-host/AddHostDialog';
import { ImportDialog } from '../add-host/ImportDialog';
import { PodSettingsDialog } from '../pod-settings/PodSettingsDialog';
import { PromptDialogs } from '../prompts/PromptDialogs';
import { RecoveryDialog } from '../recovery/RecoveryDialog';
import { AppLayout } from './AppLayout';
import { AppThemeProvider } from './AppThemeProvider';
import { featureSlots } from './feature-slots';
import { NoticeSnackbar } from './NoticeSnackbar';
import { startHashRouting } from './routing/hash-sync';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

function Shell() {
  useKeyboardShortcuts();
  // Each screen has an address (#/hosts/…/networks): reload, back and forward keep the place.
  useEffect(() => startHashRouting(), []);
  return (
    <>
      <AppLayout />
      <AddHostDialog />
      <ImportDialog />
      <PodSettingsDialog />
      <RecoveryDialog />
      {/* Last, so a host-key or password prompt opened mid-"Add host" stacks above that dialog. */}
      <PromptDialogs />
      <NoticeSnackbar />
    </>
  );
}

export function App({ client }: { client: LabDeckClient }) {
  useEffect(() => syncWithEngine(client), [client]);
  return (
    <ClientProvider client={client}>
      <AppThemeProvider>
        <FeatureSlotsProvider slots={featureSlots}>
          <Shell />
        </FeatureSlotsProvider>
      </AppThemeProvider>
    </ClientProvider>
  );
}
