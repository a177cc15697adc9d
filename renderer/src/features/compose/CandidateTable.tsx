import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import type { PlanNic } from '../../../../shared/contract';
import { outcomeLabels } from './plan-text';

type Candidate = PlanNic['why']['candidates'][number];

const tone: Record<Candidate['outcome'], string> = {
  chosen: 'success.main',
  lost: 'warning.dark',
  'no-match': 'text.secondary',
  unusable: 'text.disabled',
};

/**
 * The interfaces or networks the planner looked at: the chosen one and those that lost (they
 * matched but ranked lower) always; those that did not match or cannot carry a guest folded.
 */
export function CandidateTable({ nicName, candidates }: { nicName: string; candidates: Candidate[] }) {
  const [showAll, setShowAll] = useState(false);
  const folded = candidates.filter((c) => c.outcome === 'unusable' || c.outcome === 'no-match');
  const shown = showAll ? candidates : candidates.filter((c) => c.outcome === 'chosen' || c.outcome === 'lost');
  const noMatch = folded.filter((c) => c.outcome === 'no-match').length;
  const unusable = folded.length - noMatch;
  return (
    <>
      <Table size="small" aria-label={`Candidates for ${nicName}`} sx={{ '& td, & th': { px: 1, py: 0.5 } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 130 }}>Candidate</TableCell>
            <TableCell sx={{ width: 92 }}>Outcome</TableCell>
            <TableCell>Reason</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((c) => (
            <TableRow key={`${c.kind}:${c.name}`}>
              <TableCell>
                {c.name} <span style={{ opacity: 0.6 }}>({c.kind})</span>
              </TableCell>
              <TableCell sx={{ color: tone[c.outcome], fontWeight: 600, whiteSpace: 'nowrap' }}>
                {outcomeLabels[c.outcome]}
              </TableCell>
              <TableCell>{c.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {folded.length > 0 && (
        <Button size="small" onClick={() => setShowAll((v) => !v)} sx={{ alignSelf: 'flex-start' }}>
          {showAll
            ? 'Show only the chosen and the runners-up'
            : `Show the other ${folded.length} looked at (${[noMatch ? `${noMatch} did not match` : '', unusable ? `${unusable} cannot carry a guest` : ''].filter(Boolean).join(', ')})`}
        </Button>
      )}
    </>
  );
}
