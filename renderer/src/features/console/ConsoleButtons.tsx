import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Terminal from '@mui/icons-material/Terminal';
import Monitor from '@mui/icons-material/Monitor';
import { useConsoleStore } from './console-store';

/** "Serial console" and "Screen" for a running VM: each opens (or focuses) a tab in the console dock. */
export function ConsoleButtons({
  hostId,
  hostName,
  domain,
  size = 'small',
}: {
  hostId: string;
  hostName: string;
  domain: string;
  size?: 'small' | 'medium';
}) {
  const open = useConsoleStore((s) => s.open);
  return (
    <Stack direction="row" spacing={1}>
      <Button
        size={size}
        variant="outlined"
        startIcon={<Terminal />}
        aria-label={`Serial console of ${domain}`}
        onClick={() => open({ kind: 'console.serial', hostId, hostName, domain })}
      >
        Console
      </Button>
      <Button
        size={size}
        variant="outlined"
        startIcon={<Monitor />}
        aria-label={`Screen of ${domain}`}
        onClick={() => open({ kind: 'console.vnc', hostId, hostName, domain })}
      >
        Screen
      </Button>
    </Stack>
  );
}
