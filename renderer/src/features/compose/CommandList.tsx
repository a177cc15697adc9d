import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { PlanCommand } from '../../../../shared/contract';
import { MonoBlock } from '../../components/MonoBlock';

/** The exact virsh command lines compose will run, in order, each with the command that undoes it. */
export function CommandList({ commands }: { commands: PlanCommand[] }) {
  return (
    <Box component="ol" aria-label="Commands" sx={{ m: 0, pl: 3, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      {commands.map((c, i) => (
        <Box component="li" key={i}>
          <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
            {c.description}
          </Typography>
          <MonoBlock
            label={`Command ${i + 1}`}
          >{`$ ${c.command}${c.stdin !== undefined ? '   < the domain XML above, on stdin' : ''}`}</MonoBlock>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
            {c.rollback ? 'Undone if a later step fails by:' : 'Nothing to undo.'}
          </Typography>
          {c.rollback && (
            <MonoBlock label={`Undo for command ${i + 1}`} sx={{ opacity: 0.85 }}>{`$ ${c.rollback}`}</MonoBlock>
          )}
        </Box>
      ))}
    </Box>
  );
}
