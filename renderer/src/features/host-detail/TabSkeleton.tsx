import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';

/** The shape of a tab while the first snapshot is on its way: cards, then table rows. */
export function TabSkeleton() {
  return (
    <Box
      role="progressbar"
      aria-label="Loading the host's snapshot"
      sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}
    >
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 2 }}>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} variant="rounded" height={88} />
        ))}
      </Box>
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <Skeleton key={i} variant="rounded" height={36} />
      ))}
    </Box>
  );
}
