// The chart's and the totals table's colour for the n-th group (the busiest first): distinct hues
// that stay apart for the common kinds of colour blindness (Okabe–Ito first, then darker tones).
const COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#0b3d5c', '#8a5a00', '#6a3d9a', '#1b7837', '#b2182b'];

export const seriesColor = (n: number): string => COLORS[n % COLORS.length]!;
