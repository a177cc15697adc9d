import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef } from 'react';
import { monoFont } from '../../components/fonts';
import { userDataProblemText, type CloudInitProblems } from './cloud-init-draft';

type Props = { value: string; problem: CloudInitProblems['userData']; onChange: (text: string) => void };

const TEMPLATE =
  '#cloud-config\npackages:\n  - qemu-guest-agent\nruncmd:\n  - [systemctl, enable, --now, qemu-guest-agent]\n';

/** Offset of a 1-based line and column in the text, to put the caret on a problem. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  let at = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) at += lines[i]!.length + 1;
  return Math.min(text.length, at + Math.max(0, column - 1));
}

/**
 * Raw #cloud-config, checked as you type the way cloud-init will read it; the user, password and
 * keys above are merged into it. A problem names its line and column, and a click goes there.
 */
export function UserDataEditor({ value, problem, onChange }: Props) {
  const input = useRef<HTMLTextAreaElement>(null);
  const goTo = () => {
    const el = input.current;
    if (!el || !problem?.line) return;
    const at = offsetOf(value, problem.line, problem.column ?? 1);
    el.focus();
    el.setSelectionRange(at, at);
  };
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      <TextField
        label="User-data (#cloud-config)"
        multiline
        minRows={4}
        maxRows={18}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={Boolean(problem)}
        helperText={
          problem
            ? userDataProblemText(problem)
            : 'Optional. Merged with the user, password and keys above; empty for none.'
        }
        inputRef={input}
        placeholder={TEMPLATE}
        slotProps={{
          htmlInput: { spellCheck: false, style: { fontFamily: monoFont, fontSize: '0.8rem', lineHeight: 1.5 } },
        }}
      />
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        {value.trim() === '' && (
          <Button size="small" onClick={() => onChange(TEMPLATE)}>
            Start from an example
          </Button>
        )}
        {problem?.line !== undefined && (
          <Button size="small" color="error" onClick={goTo}>
            Go to line {problem.line}
          </Button>
        )}
        <Typography variant="caption" color="text.secondary">
          Only #cloud-config is accepted (no scripts, #include or MIME parts).
        </Typography>
      </Box>
    </Box>
  );
}
