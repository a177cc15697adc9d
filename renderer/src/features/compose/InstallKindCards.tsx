import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import Typography from '@mui/material/Typography';
import type { InstallKind } from './install-draft';
import { installKindInfo, installKindOrder } from './install-kinds';

/** The four install sources as radio cards, each saying what happens at first boot. */
export function InstallKindCards({ value, onChange }: { value: InstallKind; onChange: (kind: InstallKind) => void }) {
  return (
    <Box
      role="radiogroup"
      aria-label="Install source"
      sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))' }, gap: 1.5 }}
    >
      {installKindOrder.map((kind) => {
        const chosen = kind === value;
        const id = `install-${kind}`;
        return (
          <Paper
            key={kind}
            variant="outlined"
            onClick={() => onChange(kind)}
            sx={{
              p: 1.25,
              display: 'flex',
              gap: 0.5,
              cursor: 'pointer',
              borderColor: chosen ? 'primary.main' : undefined,
              borderWidth: chosen ? 2 : 1,
            }}
          >
            <Radio
              checked={chosen}
              onChange={() => onChange(kind)}
              slotProps={{ input: { 'aria-labelledby': id, 'aria-describedby': `${id}-effect` } }}
              sx={{ alignSelf: 'flex-start', mt: -0.75, ml: -0.5 }}
            />
            <Box sx={{ minWidth: 0 }}>
              <Typography id={id} variant="subtitle2" component="span" sx={{ fontWeight: 700 }}>
                {installKindInfo[kind].title}
              </Typography>
              <Typography id={`${id}-effect`} variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
                {installKindInfo[kind].effect}
              </Typography>
            </Box>
          </Paper>
        );
      })}
    </Box>
  );
}
