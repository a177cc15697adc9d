import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteOutline from '@mui/icons-material/Delete';
import { useState } from 'react';
import type { NewStaticHost } from './network-draft';

/** One static host in the list, with the button that takes it out. */
function StaticHostRow({
  host,
  added,
  removeLabel,
  onRemove,
}: {
  host: { ip: string; mac?: string; name?: string };
  added: boolean;
  removeLabel: string;
  onRemove: () => void;
}) {
  return (
    <Box component="li" sx={{ display: 'flex', alignItems: 'center', gap: 1, typography: 'body2' }}>
      <Box sx={{ flex: 1, ...(added ? { color: 'success.main' } : {}) }}>
        {added ? '+ ' : ''}
        {host.ip} — {host.mac ?? '?'}
        {host.name ? ` (${host.name})` : ''}
      </Box>
      <IconButton size="small" aria-label={removeLabel} onClick={onRemove}>
        <DeleteOutline fontSize="small" />
      </IconButton>
    </Box>
  );
}

/** MAC, IP and an optional name for a static host to add. */
function AddStaticHostFields({ onAdd }: { onAdd: (h: NewStaticHost) => void }) {
  const [mac, setMac] = useState('');
  const [ip, setIp] = useState('');
  const [name, setName] = useState('');
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1, mt: 1 }}>
      <TextField
        size="small"
        label="MAC address"
        value={mac}
        onChange={(e) => setMac(e.target.value)}
        placeholder="52:54:00:…"
      />
      <TextField size="small" label="IP address" value={ip} onChange={(e) => setIp(e.target.value)} />
      <TextField size="small" label="Host name (optional)" value={name} onChange={(e) => setName(e.target.value)} />
      <Button
        size="small"
        variant="outlined"
        sx={{ justifySelf: 'start', whiteSpace: 'nowrap' }}
        disabled={!mac.trim() || !ip.trim()}
        onClick={() => {
          onAdd({ mac, ip, name });
          setMac('');
          setIp('');
          setName('');
        }}
      >
        Add host
      </Button>
    </Box>
  );
}

/** The network's static DHCP hosts: those it keeps, those to add (tinted), and fields to add one. */
export function StaticHostsEditor({
  kept,
  added,
  onRemove,
  onAdd,
  onUnadd,
}: {
  kept: readonly { ip: string; mac?: string; name?: string }[];
  added: readonly NewStaticHost[];
  onRemove: (ip: string) => void;
  onAdd: (h: NewStaticHost) => void;
  onUnadd: (h: NewStaticHost) => void;
}) {
  return (
    <Box>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
        Static hosts
      </Typography>
      {kept.length + added.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          None.
        </Typography>
      )}
      <Box component="ul" aria-label="Static hosts" sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {kept.map((h) => (
          <StaticHostRow
            key={h.ip}
            host={h}
            added={false}
            removeLabel={`Remove static host ${h.ip}`}
            onRemove={() => onRemove(h.ip)}
          />
        ))}
        {added.map((h) => (
          <StaticHostRow
            key={h.ip}
            host={h}
            added
            removeLabel={`Do not add static host ${h.ip}`}
            onRemove={() => onUnadd(h)}
          />
        ))}
      </Box>
      <AddStaticHostFields onAdd={onAdd} />
    </Box>
  );
}
