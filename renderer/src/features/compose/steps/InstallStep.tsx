import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { useState } from 'react';
import { parseStorage } from '../../../../../shared/compose';
import type { AppErrorShape, ComposePlan, HostView } from '../../../../../shared/contract';
import type { HostSnapshot } from '../../../../../shared/snapshot/types';
import { useFeatureSlots } from '../../../components/feature-slots';
import { CloudImageFields } from '../CloudImageFields';
import { CloudInitSection } from '../CloudInitSection';
import type { ComposeDraft } from '../compose-draft';
import type { CloudInitDraft } from '../cloud-init-draft';
import type { InstallDraft } from '../install-draft';
import { InstallKindCards } from '../InstallKindCards';
import { InstallPlanCard } from '../InstallPlanCard';
import { VolumePicker } from '../VolumePicker';
import { Section } from './ResourcesStep';

type Props = {
  host: HostView;
  snapshot: HostSnapshot | null;
  draft: ComposeDraft;
  patch: (p: Partial<ComposeDraft>) => void;
  live: { plan: ComposePlan | null; error: AppErrorShape | null; loading: boolean };
  blocked: string | null;
  /** Read the host again (after an upload added a volume). */
  reloadSnapshot: () => void;
};

/** The boot disk's size: the disk marked boot in the storage text, else the first. */
function rootBytes(storage: string): number | null {
  const parsed = parseStorage(storage);
  if (!parsed.ok) return null;
  return (parsed.value.find((d) => d.boot) ?? parsed.value[0])?.sizeBytes ?? null;
}

/** Step 3: where the OS comes from (PXE, an ISO, a cloud image with cloud-init, or nothing yet). */
export function InstallStep({ host, snapshot, draft, patch, live, blocked, reloadSnapshot }: Props) {
  const install = draft.install;
  const pools = snapshot?.libvirt?.pools ?? [];
  const [upload, setUpload] = useState<null | 'iso' | 'image'>(null);
  const { UploadVolumeDialog } = useFeatureSlots();
  const setInstall = (p: Partial<InstallDraft>) => patch({ install: { ...install, ...p } });
  const setCloudInit = (p: Partial<CloudInitDraft>) => patch({ cloudInit: { ...draft.cloudInit, ...p } });
  const uploadButton = (what: 'iso' | 'image') => (
    <Button
      startIcon={<UploadFileOutlined />}
      onClick={() => setUpload(what)}
      disabled={pools.length === 0}
      sx={{ alignSelf: 'flex-start', mt: 1 }}
    >
      {what === 'iso' ? 'Upload a local ISO…' : 'Upload a local image…'}
    </Button>
  );

  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 2fr)' },
        gap: 3,
        alignItems: 'start',
        maxWidth: 1500,
      }}
    >
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3, minWidth: 0 }}>
        <Section title="Install source">
          <InstallKindCards value={install.kind} onChange={(kind) => setInstall({ kind })} />
        </Section>

        {install.kind === 'iso' && (
          <Section title="ISO">
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
              <VolumePicker
                label="ISO volume"
                what="iso"
                pools={pools}
                pool={install.iso.pool}
                volume={install.iso.volume}
                onPick={(pool, volume) => setInstall({ iso: { pool, volume } })}
              />
              {uploadButton('iso')}
            </Box>
            <Typography variant="caption" color="text.secondary">
              Attached as a read-only CD-ROM (SATA) and booted first; the disks come after it.
            </Typography>
          </Section>
        )}

        {install.kind === 'cloud-image' && (
          <>
            <Section title="Cloud image">
              <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
                <Box sx={{ flex: 1, minWidth: 360 }}>
                  <CloudImageFields
                    image={install.image}
                    pools={pools}
                    rootBytes={rootBytes(draft.storage)}
                    onChange={(image) => setInstall({ image })}
                  />
                </Box>
                {uploadButton('image')}
              </Box>
            </Section>
            <Section title="cloud-init">
              <CloudInitSection hostname={draft.hostname.trim()} value={draft.cloudInit} onChange={setCloudInit} />
            </Section>
          </>
        )}
        {!snapshot && <Typography variant="body2">Reading the host…</Typography>}
      </Box>

      <Box sx={{ position: { lg: 'sticky' }, top: 0 }}>
        <InstallPlanCard plan={live.plan} error={live.error} loading={live.loading} blocked={blocked} />
      </Box>

      <UploadVolumeDialog
        open={upload !== null}
        hostId={host.id}
        hostName={host.name}
        pools={pools}
        defaultPool={host.pod.defaultPool || undefined}
        what={upload === 'iso' ? 'ISO' : 'cloud image'}
        onClose={() => setUpload(null)}
        onUploaded={(pool, volume) => {
          setInstall(upload === 'iso' ? { iso: { pool, volume } } : { image: { ...install.image, pool, volume } });
          setUpload(null);
          reloadSnapshot();
        }}
      />
    </Box>
  );
}
