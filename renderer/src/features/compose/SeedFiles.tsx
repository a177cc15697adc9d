import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import ExpandMore from '@mui/icons-material/ExpandMore';
import type { PlanInstall } from '../../../../shared/contract';
import { monoFont } from '../../components/fonts';
import { MonoBlock } from '../../components/MonoBlock';
import { seedBuilderText } from './install-text';

type Seed = NonNullable<PlanInstall['seed']>;

/** The NoCloud seed's files as the guest will read them (the password hash already shown as "<hash>"). */
export function SeedFiles({ seed }: { seed: Seed }) {
  const files: [string, string, string][] = [
    ['user-data', seed.userData, 'The user, its keys and password hash (shown as <hash>), merged with your user-data.'],
    ['meta-data', seed.metaData, 'The instance id and hostname.'],
    ...(seed.networkConfig !== undefined
      ? [
          ['network-config', seed.networkConfig, 'Static addresses for the NICs with an ip= constraint.'] as [
            string,
            string,
            string,
          ],
        ]
      : []),
  ];
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography variant="body2">
        Seed volume <b>{seed.volume}</b> in pool {seed.pool}, {seedBuilderText(seed)}; attached as a CD-ROM labelled
        cidata.
      </Typography>
      <Box>
        {files.map(([name, text, what], i) => (
          <Accordion
            key={name}
            disableGutters
            variant="outlined"
            defaultExpanded={i === 0}
            slotProps={{ transition: { unmountOnExit: false } }}
          >
            <AccordionSummary expandIcon={<ExpandMore />} aria-controls={`seed-${name}`} id={`seed-${name}-header`}>
              <Typography
                variant="body2"
                sx={{ fontWeight: 600, fontFamily: monoFont, whiteSpace: 'nowrap', flexShrink: 0 }}
              >
                {name}
              </Typography>
              <Typography variant="caption" color="text.secondary" sx={{ ml: 1.5, alignSelf: 'center' }}>
                {what}
              </Typography>
            </AccordionSummary>
            <AccordionDetails id={`seed-${name}`} sx={{ pt: 0 }}>
              <MonoBlock label={`Seed file ${name}`} sx={{ maxHeight: 360 }}>
                {text}
              </MonoBlock>
            </AccordionDetails>
          </Accordion>
        ))}
      </Box>
    </Box>
  );
}
