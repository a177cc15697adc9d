import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import Check from '@mui/icons-material/Check';
import DarkModeOutlined from '@mui/icons-material/DarkModeOutlined';
import LightModeOutlined from '@mui/icons-material/LightModeOutlined';
import SettingsBrightnessOutlined from '@mui/icons-material/SettingsBrightnessOutlined';
import { useState } from 'react';
import { useThemePreference, type ThemePreference } from './theme-preference';

const choices: { value: ThemePreference; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'Same as the system' },
];

const icons = { light: LightModeOutlined, dark: DarkModeOutlined, system: SettingsBrightnessOutlined };

/** Light, dark or system theme, from the app bar; the current choice is in the button's name. */
export function ThemeSwitch() {
  const preference = useThemePreference((s) => s.preference);
  const setPreference = useThemePreference((s) => s.setPreference);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const Icon = icons[preference];
  const current = choices.find((c) => c.value === preference)!.label;
  return (
    <>
      <Tooltip title={`Theme: ${current}`}>
        <IconButton
          color="inherit"
          size="small"
          aria-label={`Theme: ${current}`}
          aria-haspopup="menu"
          onClick={(e) => setAnchor(e.currentTarget)}
        >
          <Icon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{ list: { 'aria-label': 'Theme' } }}
      >
        {choices.map((c) => (
          <MenuItem
            key={c.value}
            role="menuitemradio"
            aria-checked={c.value === preference}
            selected={c.value === preference}
            onClick={() => {
              setPreference(c.value);
              setAnchor(null);
            }}
          >
            <ListItemIcon>{c.value === preference ? <Check fontSize="small" /> : null}</ListItemIcon>
            {c.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
