import Button, { type ButtonProps } from '@mui/material/Button';
import { useState } from 'react';
import type { AnsibleExportRequest } from '../../../../shared/contract/ansible-export';
import { AnsibleExportDialog } from './AnsibleExportDialog';

/** "Export to Ansible…": opens the export dialog for `request`. */
export function AnsibleExportButton({
  request,
  what,
  label = 'Export to Ansible…',
  ...button
}: { request: AnsibleExportRequest; what: string; label?: string } & Omit<ButtonProps, 'onClick'>) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="outlined"
        size="small"
        aria-label={`Export ${what} to Ansible`}
        {...button}
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      <AnsibleExportDialog open={open} onClose={() => setOpen(false)} request={request} what={what} />
    </>
  );
}
