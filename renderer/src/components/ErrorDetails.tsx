import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import type { Ref } from 'react';
import type { AppErrorShape } from '../../../shared/contract';
import { defaultHints, errorTitles } from './error-text';
import { MonoBlock } from './MonoBlock';

type Props = {
  error: AppErrorShape;
  /** Overrides the kind's title, e.g. "Could not refresh labhost1". */
  title?: string;
  onClose?: () => void;
  sx?: SxProps<Theme>;
  /** Forwarded to the Alert: transitions (e.g. inside a Snackbar) need the DOM node. */
  ref?: Ref<HTMLDivElement>;
};

function Labelled({ label, children }: { label: string; children: string }) {
  return (
    <Box sx={{ mt: 1 }}>
      <Typography variant="caption" component="div" sx={{ fontWeight: 600, mb: 0.25 }}>
        {label}
      </Typography>
      <MonoBlock label={label}>{children}</MonoBlock>
    </Box>
  );
}

/** Every failure, shown the same way: what happened, the command and its stderr, and what to try. */
export function ErrorDetails({ error, title, onClose, sx, ref }: Props) {
  const hint = error.hint ?? defaultHints[error.kind];
  return (
    <Alert
      ref={ref}
      severity="error"
      onClose={onClose}
      sx={[{ '& .MuiAlert-message': { minWidth: 0, flex: 1 } }, ...(Array.isArray(sx) ? sx : sx ? [sx] : [])]}
    >
      <AlertTitle>{title ?? errorTitles[error.kind]}</AlertTitle>
      {title && title !== errorTitles[error.kind] && (
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {errorTitles[error.kind]}
        </Typography>
      )}
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {error.message}
      </Typography>
      {error.knownFingerprint && <Labelled label="Known fingerprint">{error.knownFingerprint}</Labelled>}
      {error.presentedFingerprint && <Labelled label="Presented fingerprint">{error.presentedFingerprint}</Labelled>}
      {error.command && <Labelled label="Command">{error.command}</Labelled>}
      {error.stderr && error.stderr.trim() !== '' && <Labelled label="stderr">{error.stderr.trimEnd()}</Labelled>}
      {error.exitCode !== undefined && error.exitCode !== null && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          Exit code {error.exitCode}
        </Typography>
      )}
      {hint && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <strong>Hint:</strong> {hint}
        </Typography>
      )}
    </Alert>
  );
}
