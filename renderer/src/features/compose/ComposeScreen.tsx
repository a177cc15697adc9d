import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { selectHostById, useLabStore } from '../../store';
import { draftToRequest } from './compose-draft';
import { STEP } from './compose-steps';
import { useComposeStore } from './compose-store';
import { ComposeStepper } from './ComposeStepper';
import { goToVm } from './go-to-vm';
import { blocksStep, formBlocker, refusalStep } from './step-readiness';
import { ComposeProgressStep } from './steps/ComposeProgressStep';
import { DoneStep } from './steps/DoneStep';
import { InstallStep } from './steps/InstallStep';
import { InterfacesStep } from './steps/InterfacesStep';
import { PodStep } from './steps/PodStep';
import { ResourcesStep } from './steps/ResourcesStep';
import { ReviewStep } from './steps/ReviewStep';
import { useComposeJob } from './useComposeJob';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useHostSnapshot } from '../../hooks/useHostSnapshot';
import { SNAPSHOT_REUSE_MS, useLivePlan } from './useLivePlan';

/** The compose wizard: Pod → Resources → Install → Interfaces → Review → Compose → Done. */
export function ComposeScreen() {
  const s = useComposeStore();
  const host = useLabStore(selectHostById(s.hostId));
  // Opened from an address (a reload): the pod is only known once the inventory has been read.
  const hostsLoaded = useLabStore((st) => st.hostsLoaded);
  const waitingForPod = s.hostId !== null && !host && !hostsLoaded;
  const snap = useHostSnapshot(host ? host.id : null, { maxAgeMs: SNAPSHOT_REUSE_MS });
  const job = useComposeJob();

  // Each step starts at its top, not where the previous step was scrolled to.
  const content = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A block, not an expression: newer browsers return a Promise from scrollTo, and React would take it for a cleanup.
    content.current?.scrollTo({ top: 0 });
  }, [s.step]);

  // With the host's pools known, a disk without room holds Resources with the error it shows there.
  const snapPools = snap.data?.snapshot?.libvirt?.pools;
  const blocker = formBlocker(
    s.draft,
    host && snapPools
      ? {
          pools: snapPools.map((p) => ({
            name: p.name,
            active: p.active,
            ...(p.active ? { availableBytes: p.availableBytes } : {}),
          })),
          defaultPool: host.pod.defaultPool || null,
        }
      : null,
  );
  const request = host ? draftToRequest(host.id, s.draft) : null;
  const planning = s.step === STEP.install || s.step === STEP.interfaces || s.step === STEP.review;
  // The Install step plans as soon as its own fields are right (the NICs are the next step's business).
  const plannable = blocker === null || (s.step === STEP.install && blocker.step === 'interfaces');
  const live = useLivePlan(planning && plannable ? request : null);
  // "Re-read host": the host itself is read into the shared cache (a failure shows above), then the plan is
  // redone against that read.
  const rereadHost = () => void snap.reread().then(live.replan);

  const step = host ? s.step : STEP.pod;
  const refusal = live.error ? refusalStep(live.error) : null;
  const locked = s.jobId !== null;
  const plan = live.stale ? null : live.plan;

  let canNext = false;
  if (step === STEP.pod) canNext = host !== undefined;
  else if (step === STEP.resources) canNext = !blocksStep(blocker, 'resources');
  else if (step === STEP.install)
    canNext = !blocksStep(blocker, 'install') && !(refusal !== null && refusal !== 'interfaces' && !live.loading);
  // A plan the engine refuses (nothing matches, no DHCP on a deployed host …) is fixed here, not in Review.
  else if (step === STEP.interfaces) canNext = blocker === null && !(live.error && !live.loading);

  const compose = () => {
    if (!request || !plan) return;
    // The name and MACs the review showed, so what is defined is exactly what was reviewed.
    void job.start({ ...request, hostname: plan.name, macs: plan.nics.map((n) => n.mac) });
  };

  let body;
  if (waitingForPod) {
    body = <Typography color="text.secondary">Reading the inventory…</Typography>;
  } else if (step === STEP.pod || !host) {
    body = <PodStep hostId={s.hostId} onChoose={s.chooseHost} />;
  } else if (step === STEP.resources) {
    body = <ResourcesStep host={host} snapshot={snap.data?.snapshot ?? null} draft={s.draft} patch={s.patchDraft} />;
  } else if (step === STEP.install) {
    body = (
      <InstallStep
        host={host}
        snapshot={snap.data?.snapshot ?? null}
        draft={s.draft}
        patch={s.patchDraft}
        live={{ plan: live.plan, error: live.error, loading: live.loading }}
        blocked={plannable ? null : (blocker?.message ?? null)}
        reloadSnapshot={() => void snap.reread()}
      />
    );
  } else if (step === STEP.interfaces) {
    body = (
      <InterfacesStep
        host={host}
        data={snap.data}
        draft={s.draft}
        patch={s.patchDraft}
        live={{ plan: live.plan, error: live.error, loading: live.loading, refresh: rereadHost }}
        blocked={blocker ? blocker.message : null}
      />
    );
  } else if (step === STEP.review) {
    body = (
      <ReviewStep
        plan={plan}
        error={blocker ? { kind: 'validation', message: blocker.message } : live.error}
        loading={live.loading}
        startError={job.startError}
        exportRequest={request && plan ? { ...request, hostname: plan.name, macs: plan.nics.map((n) => n.mac) } : null}
      />
    );
  } else if (step === STEP.compose) {
    body = (
      <ComposeProgressStep
        job={s.job}
        onCancel={() => void job.cancel()}
        cancelError={job.cancelError}
        onBackToReview={s.backToReview}
      />
    );
  } else if (s.job) {
    body = (
      <DoneStep
        job={s.job}
        hostName={host.name}
        started={s.draft.start}
        onGoToVm={() => goToVm(host.id, s.job?.domain)}
        onAgain={s.again}
      />
    );
  }

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ px: 2.5, pt: 2, pb: 1.5, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1.5 }}>
          <Typography variant="h5" component="h2">
            Compose a VM
          </Typography>
          {host && (
            <Typography variant="body1" color="text.secondary">
              on {host.name}
            </Typography>
          )}
        </Box>
        <ComposeStepper step={step} locked={locked} failed={s.job?.state === 'failed'} onStep={s.setStep} />
      </Box>
      <Divider />
      <Box ref={content} sx={{ flex: 1, minHeight: 0, overflow: 'auto', px: 2.5, py: 2 }}>
        {s.hostId && !host && hostsLoaded && (
          <Alert severity="warning">The pod chosen earlier is no longer in the inventory. Choose another.</Alert>
        )}
        {snap.error && step !== STEP.pod && (
          <ErrorDetails error={snap.error} title={`Could not read ${host?.name ?? 'the pod'}`} sx={{ mb: 2 }} />
        )}
        {body}
      </Box>
      {step <= STEP.review && !waitingForPod && (
        <>
          <Divider />
          <Box
            component="nav"
            aria-label="Wizard"
            sx={{ px: 2.5, py: 1.25, display: 'flex', alignItems: 'center', gap: 1 }}
          >
            <Button onClick={() => s.setStep(step - 1)} disabled={step === STEP.pod}>
              Back
            </Button>
            {step > STEP.pod && (
              <Button color="warning" onClick={s.discard}>
                Discard draft
              </Button>
            )}
            <Box sx={{ flex: 1 }} />
            {step > STEP.pod &&
              (blocker ||
                (live.error &&
                  !live.loading &&
                  (step === STEP.interfaces || (step === STEP.install && refusal !== 'interfaces')))) && (
                <Typography variant="body2" color="error" sx={{ mr: 1, maxWidth: 640 }} noWrap title={blocker?.message}>
                  {blocker
                    ? blocker.message
                    : refusal === 'resources'
                      ? 'Compose would refuse these disks — go back to Resources.'
                      : refusal === 'install'
                        ? step === STEP.install
                          ? 'Compose would refuse this install source — the plan card says why.'
                          : 'Compose would refuse the install source — go back to Install.'
                        : 'Compose would refuse these NICs — the live plan says why.'}
                </Typography>
              )}
            {step < STEP.review ? (
              <Button variant="contained" onClick={() => s.setStep(step + 1)} disabled={!canNext}>
                Next
              </Button>
            ) : (
              <Button
                variant="contained"
                onClick={compose}
                disabled={!plan || live.loading || plan.conflicts.length > 0 || job.starting || blocker !== null}
              >
                Compose VM
              </Button>
            )}
          </Box>
        </>
      )}
    </Box>
  );
}
