import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { monoFont } from '../fonts';
import { cidr, type OriginKey } from './origins';
import { OriginTag } from './OriginTag';

export type ShownAddress = { address: string; prefixLen?: number; origin: OriginKey; mac?: string; ifname?: string };

/**
 * Addresses as a list, each with its origin tag; `showMac` adds the NIC's MAC (and the interface name
 * the source gave) for places that do not already show it.
 */
export function AddressList({
  addresses,
  label,
  showMac = false,
  dense = false,
}: {
  addresses: ShownAddress[];
  label: string;
  showMac?: boolean;
  dense?: boolean;
}) {
  return (
    <Box
      component="ul"
      aria-label={label}
      sx={{ m: 0, p: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: dense ? 0.25 : 0.5 }}
    >
      {addresses.map((a) => (
        <Box
          component="li"
          key={`${a.mac ?? ''}|${a.address}`}
          sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: 0.75 }}
        >
          <Typography
            component="span"
            variant="body2"
            sx={{ fontFamily: monoFont, fontSize: dense ? '0.8rem' : undefined }}
          >
            {cidr(a)}
          </Typography>
          <OriginTag origin={a.origin} />
          {showMac && (a.mac || a.ifname) && (
            <Typography
              component="span"
              variant="body2"
              sx={{ fontFamily: monoFont, fontSize: '0.75rem', color: 'text.secondary' }}
            >
              {[a.mac, a.ifname].filter(Boolean).join(' · ')}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}
