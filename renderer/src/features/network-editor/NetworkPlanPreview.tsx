import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import type { NetworkChangePlan } from '../../../../shared/contract/networks';
import { monoFont } from '../../components/fonts';
import { MonoBlock } from '../../components/MonoBlock';
import { XmlLinesBlock } from '../../components/XmlLinesBlock';

const sentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `net-preview-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <Box component="section" aria-labelledby={id} sx={{ mt: 2 }}>
      <Typography id={id} variant="subtitle2" component="h3" sx={{ mb: 0.75 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

const diffTints = { add: 'add', remove: 'remove', same: undefined } as const;
const diffMarks = { add: '+', remove: '-', same: ' ' } as const;

/** The network XML as a line diff: removed lines red with '-', added green with '+'. */
function XmlDiff({ plan }: { plan: NetworkChangePlan }) {
  const lines = plan.diff.map((l) => ({ text: `${diffMarks[l.kind]} ${l.text}`, tint: diffTints[l.kind] }));
  return <XmlLinesBlock lines={lines} label="Network XML diff" maxHeight={300} />;
}

type Props = {
  plan: NetworkChangePlan;
  acknowledged: boolean;
  onAcknowledge: (v: boolean) => void;
};

/**
 * Everything a network change will do before it is applied: what is wrong, the running VMs that
 * lose their link, where composes without constraints land before and after, the XML diff and
 * the exact commands with their undo.
 */
export function NetworkPlanPreview({ plan, acknowledged, onAcknowledge }: Props) {
  return (
    <Box aria-label="Preview" role="region">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {plan.summary}
      </Typography>
      {plan.problems.length > 0 && (
        <Alert severity="error" sx={{ mt: 1.5 }} aria-label="Problems">
          <AlertTitle>Nothing will change until this is fixed</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {plan.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </Box>
        </Alert>
      )}
      {plan.vmsCutOff.length > 0 && (
        <Alert severity="warning" sx={{ mt: 1.5 }}>
          <AlertTitle>{plan.restart ? 'The network restarts' : 'Running VMs lose their link'}</AlertTitle>
          {plan.restart
            ? `These running VMs lose their link for a moment, until LabDeck re-attaches their NICs: ${plan.vmsCutOff.join(', ')}.`
            : `These running VMs lose their link until the network is started again: ${plan.vmsCutOff.join(', ')}.`}
          <Box>
            <FormControlLabel
              control={
                <Checkbox size="small" checked={acknowledged} onChange={(e) => onAcknowledge(e.target.checked)} />
              }
              label={`I accept that ${plan.vmsCutOff.join(', ')} lose${plan.vmsCutOff.length === 1 ? 's' : ''} the link`}
            />
          </Box>
        </Alert>
      )}
      {plan.notes.length > 0 && (
        <Box
          component="ul"
          aria-label="Notes"
          sx={{
            m: 0,
            mt: 1.5,
            pl: 2.5,
            typography: 'body2',
            color: 'text.secondary',
            display: 'flex',
            flexDirection: 'column',
            gap: 0.5,
          }}
        >
          {plan.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </Box>
      )}
      {plan.composeEffects.length > 0 && (
        <Section title="Effect on composed VMs">
          <Box
            component="ul"
            aria-label="Effect on composed VMs"
            sx={{ m: 0, pl: 2.5, display: 'flex', flexDirection: 'column', gap: 1 }}
          >
            {plan.composeEffects.map((e) => (
              <Box component="li" key={e.rule} sx={{ typography: 'body2' }}>
                <Box sx={{ color: 'text.secondary' }}>{e.rule}</Box>
                {e.changed ? (
                  <>
                    <Box>Now: {sentence(e.before)}</Box>
                    <Box sx={{ fontWeight: 600, color: e.noAddress ? 'warning.main' : 'success.main' }}>
                      After: {sentence(e.after)}
                    </Box>
                  </>
                ) : (
                  <Box>Unchanged: {sentence(e.after)}</Box>
                )}
              </Box>
            ))}
          </Box>
        </Section>
      )}
      {plan.diff.length > 0 && (
        <Section title="Network XML">
          <XmlDiff plan={plan} />
        </Section>
      )}
      {plan.commands.length > 0 && (
        <Section title="Commands">
          <Box
            component="ol"
            aria-label="Commands"
            sx={{ m: 0, pl: 3, display: 'flex', flexDirection: 'column', gap: 1.25 }}
          >
            {plan.commands.map((c, i) => (
              <Box component="li" key={i}>
                <Typography variant="body2" sx={{ mb: 0.5 }}>
                  {c.description}
                </Typography>
                <MonoBlock
                  label={`Command ${i + 1}`}
                >{`$ ${c.command}${c.stdin !== undefined ? '   < network XML (stdin)' : ''}`}</MonoBlock>
                {c.rollback && (
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    component="div"
                    sx={{ mt: 0.25, fontFamily: monoFont }}
                  >
                    undone by: {c.rollback}
                  </Typography>
                )}
              </Box>
            ))}
          </Box>
        </Section>
      )}
    </Box>
  );
}
