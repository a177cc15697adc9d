import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { cloudInitProblems, type CloudInitDraft } from './cloud-init-draft';
import { PasswordFields } from './PasswordFields';
import { SshKeyPicker } from './SshKeyPicker';
import { UserDataEditor } from './UserDataEditor';

type Props = {
  hostname: string;
  value: CloudInitDraft;
  onChange: (patch: Partial<CloudInitDraft>) => void;
};

function Sub({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title} sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography variant="subtitle2" component="h4">
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/** What cloud-init does at first boot: the hostname, a user with a password and keys, and optional raw user-data. */
export function CloudInitSection({ hostname, value, onChange }: Props) {
  const problems = cloudInitProblems(value);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2.5 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(200px, 1fr))', gap: 2, alignItems: 'start' }}>
        <TextField
          label="Guest hostname"
          value={hostname || 'the VM name LabDeck makes up'}
          helperText="The VM's name (change it in Resources)."
          slotProps={{ htmlInput: { readOnly: true }, input: { readOnly: true } }}
          disabled={!hostname}
        />
        <TextField
          label="User name"
          value={value.user}
          onChange={(e) => onChange({ user: e.target.value })}
          placeholder="the image's default (ubuntu, debian …)"
          error={Boolean(problems.user)}
          helperText={problems.user ?? "The default user cloud-init creates, with sudo; empty keeps the image's own."}
          slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' }, inputLabel: { shrink: true } }}
        />
      </Box>
      <Sub title="Console password">
        <PasswordFields
          hash={value.passwordHash}
          problem={value.passwordProblem}
          user={value.user.trim()}
          onChange={(next) => onChange(next)}
        />
      </Sub>
      <Sub title="SSH public keys">
        <SshKeyPicker
          chosen={value.chosenKeys}
          other={value.otherKeys}
          otherError={problems.otherKeys}
          onChange={(next) => onChange(next)}
        />
      </Sub>
      <Sub title="Raw user-data">
        <UserDataEditor
          value={value.userData}
          problem={problems.userData}
          onChange={(userData) => onChange({ userData })}
        />
      </Sub>
    </Box>
  );
}
