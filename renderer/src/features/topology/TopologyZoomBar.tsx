import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import FitScreenOutlined from '@mui/icons-material/FitScreenOutlined';
import ZoomInOutlined from '@mui/icons-material/ZoomInOutlined';
import ZoomOutOutlined from '@mui/icons-material/ZoomOutOutlined';
import type { ReactNode } from 'react';
import { MAX_ZOOM, MIN_ZOOM } from './viewport';

type Props = { zoom: number; onZoomIn: () => void; onZoomOut: () => void; onFit: () => void; onActualSize: () => void };

function ZoomButton({
  label,
  onClick,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Tooltip title={label}>
      {/* The span keeps the tooltip working on a disabled button. */}
      <span>
        <IconButton size="small" aria-label={label} onClick={onClick} disabled={disabled}>
          {children}
        </IconButton>
      </span>
    </Tooltip>
  );
}

/** Zoom out, the zoom level (a click on it goes back to full size), zoom in, fit the whole picture. */
export function TopologyZoomBar({ zoom, onZoomIn, onZoomOut, onFit, onActualSize }: Props) {
  return (
    <Box role="toolbar" aria-label="Zoom" sx={{ display: 'flex', alignItems: 'center', gap: 0.25 }}>
      <ZoomButton label="Zoom out" onClick={onZoomOut} disabled={zoom <= MIN_ZOOM + 1e-6}>
        <ZoomOutOutlined fontSize="small" />
      </ZoomButton>
      <Tooltip title="Actual size (100 %)">
        <Box
          component="button"
          type="button"
          aria-label={`Zoom ${Math.round(zoom * 100)} %: actual size`}
          onClick={onActualSize}
          sx={{
            border: 0,
            bgcolor: 'transparent',
            color: 'inherit',
            cursor: 'pointer',
            minWidth: 48,
            p: 0.5,
            borderRadius: 1,
            '&:hover': { bgcolor: 'action.hover' },
          }}
        >
          <Typography variant="body2" component="span">
            {Math.round(zoom * 100)} %
          </Typography>
        </Box>
      </Tooltip>
      <ZoomButton label="Zoom in" onClick={onZoomIn} disabled={zoom >= MAX_ZOOM - 1e-6}>
        <ZoomInOutlined fontSize="small" />
      </ZoomButton>
      <ZoomButton label="Fit to view" onClick={onFit}>
        <FitScreenOutlined fontSize="small" />
      </ZoomButton>
    </Box>
  );
}
