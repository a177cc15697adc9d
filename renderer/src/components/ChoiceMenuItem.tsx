import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';

/** A select option's content: what it is, and a second line saying why it is (not) a good pick here. */
export function ChoiceContent({
  title,
  note,
  recommended,
  warn,
}: {
  title: string;
  note: string | null;
  recommended: boolean;
  warn?: boolean;
}) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', whiteSpace: 'normal' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        {recommended && (
          <Chip size="small" color="success" variant="outlined" label="recommended: started on this host" />
        )}
      </Box>
      {note && (
        <Typography variant="caption" color={warn ? 'warning.dark' : 'text.secondary'}>
          {note}
        </Typography>
      )}
    </Box>
  );
}
