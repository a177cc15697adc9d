import { createTheme, type Theme } from '@mui/material/styles';
import { systemFont } from '../../components/fonts';

export function buildTheme(mode: 'light' | 'dark'): Theme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'light' ? '#1f5fae' : '#7db3f0' },
      background:
        mode === 'light' ? { default: '#f4f6f9', paper: '#ffffff' } : { default: '#121417', paper: '#1b1e23' },
    },
    typography: {
      fontFamily: systemFont,
      fontSize: 14,
      h5: { fontWeight: 600, fontSize: '1.35rem' },
      h6: { fontWeight: 600, fontSize: '1.05rem' },
      button: { textTransform: 'none', fontWeight: 600 },
    },
    shape: { borderRadius: 6 },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTableCell: {
        styleOverrides: {
          head: ({ theme }) => ({
            fontWeight: 600,
            whiteSpace: 'nowrap',
            color: theme.palette.text.secondary,
            backgroundColor: theme.palette.background.paper,
          }),
        },
      },
      MuiTooltip: { defaultProps: { arrow: true } },
    },
  });
}
