/**
 * The detail tables: cells (row headers included) aligned to the top, so a row that grows (an
 * address list, an error under an input) keeps its name level with the rest; tighter padding,
 * so nine columns fit without scrolling sideways.
 */
export const detailTableSx = {
  '& th, & td': { px: 1.25 },
  '& tbody td, & tbody th': { verticalAlign: 'top', py: 1 },
} as const;
