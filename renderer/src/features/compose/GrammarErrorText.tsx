import Box from '@mui/material/Box';
import type { PositionedError } from '../../../../shared/compose';
import { monoFont } from '../../components/fonts';

/**
 * A grammar mistake shown where it is: the text with a caret under the offending character, then
 * the reason (which starts with "position N:"). Used as a field's helper text.
 */
export function GrammarErrorText({ text, error }: { text: string; error: PositionedError }) {
  // Long input: show a window around the position so the caret stays on screen.
  const from = Math.max(0, error.position - 40);
  const excerpt = (from > 0 ? '…' : '') + text.slice(from, error.position + 40);
  const caretAt = error.position - from + (from > 0 ? 1 : 0);
  return (
    <Box component="span" sx={{ display: 'block' }}>
      <Box
        component="span"
        aria-hidden
        sx={{
          display: 'block',
          fontFamily: monoFont,
          fontSize: '0.8rem',
          whiteSpace: 'pre',
          overflow: 'hidden',
          lineHeight: 1.3,
          mt: 0.25,
        }}
      >
        {excerpt}
        {'\n'}
        {' '.repeat(caretAt)}^
      </Box>
      <Box component="span" sx={{ display: 'block', mt: 0.25 }}>
        {error.message}
      </Box>
    </Box>
  );
}
