import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { NicAttachment } from '../../../shared/warnings';
import { monoFont } from './fonts';
import { describeAttachment } from '../format/usage-text';

const typeColor: Record<string, string> = { network: 'info.main', bridge: 'success.main', macvtap: 'warning.dark' };

/** One line per NIC: how it attaches (the macvtap mode spelled out), MAC, host device and IP. */
export function VmNicList({ nics }: { nics: NicAttachment[] }) {
  if (nics.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        no NICs
      </Typography>
    );
  }
  return (
    <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      {nics.map((a) => {
        const { type, source } = describeAttachment(a);
        const ips = a.nic.ips.map((ip) => `${ip.address}${ip.prefixLen !== undefined ? `/${ip.prefixLen}` : ''}`);
        return (
          <Box
            component="li"
            key={`${a.index}`}
            sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 1 }}
          >
            <Box
              component="span"
              sx={{ fontWeight: 700, color: typeColor[type] ?? 'text.primary', fontSize: '0.8rem' }}
            >
              {type}
              {a.macvtapMode ? ` ${a.macvtapMode}` : ''}
            </Box>
            <Typography component="span" variant="body2">
              {source}
            </Typography>
            <Typography
              component="span"
              variant="body2"
              sx={{ fontFamily: monoFont, fontSize: '0.78rem', color: 'text.secondary' }}
            >
              {a.nic.mac ?? 'no MAC'}
              {a.nic.target ? ` · ${a.nic.target}` : ''}
            </Typography>
            <Typography component="span" variant="body2" sx={{ color: ips.length ? 'text.primary' : 'text.disabled' }}>
              {ips.length ? ips.join(', ') : 'no IP known'}
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}
