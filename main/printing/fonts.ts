// Receipt fonts are bundled (assets/fonts, SIL OFL 1.1) and registered under our own family
// names, so a receipt looks the same on every counter PC whatever fonts Windows or Linux ships —
// and so a missing bundle fails loudly instead of silently falling back to a system font.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

export const ARABIC_FAMILY = 'Shahn Receipt Arabic';
export const LATIN_FAMILY = 'Shahn Receipt Latin';

const FILES: Array<[file: string, family: string]> = [
  ['NotoSansArabic-Regular.ttf', ARABIC_FAMILY],
  ['NotoSansArabic-Bold.ttf', ARABIC_FAMILY],
  ['NotoSans-Regular.ttf', LATIN_FAMILY],
  ['NotoSans-Bold.ttf', LATIN_FAMILY],
];

/**
 * Where assets/fonts is: next to the sources in dev and tests (main/printing -> ../../assets),
 * next to the compiled output (build/main/printing -> ../../../assets), or in the packaged app's
 * resources folder. SHAHN_FONTS_DIR overrides all of them.
 */
function fontsDir(): string {
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.SHAHN_FONTS_DIR,
    path.resolve(__dirname, '../../assets/fonts'),
    path.resolve(__dirname, '../../../assets/fonts'),
    resources ? path.join(resources, 'assets/fonts') : undefined,
  ]
    .filter((c): c is string => typeof c === 'string' && c.length > 0)
    // Packaged app: electron-builder unpacks assets/fonts (asarUnpack) because Skia reads font
    // files natively and cannot see inside app.asar.
    .map((c) => c.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked'));
  const found = candidates.find((dir) => existsSync(path.join(dir, FILES[0]![0])));
  if (!found) throw new Error(`receipt fonts not found; looked in: ${candidates.join(', ')}`);
  return found;
}

let registered = false;

export function ensureFonts(): void {
  if (registered) return;
  const dir = fontsDir();
  for (const [file, family] of FILES) {
    const key = GlobalFonts.registerFromPath(path.join(dir, file), family);
    if (!key) throw new Error(`could not load receipt font ${file} from ${dir}`);
  }
  registered = true;
}

/** CSS font string: the Arabic face first, Latin letters fall back to the bundled Latin face. */
export function cssFont(px: number, bold: boolean): string {
  return `${bold ? 'bold ' : ''}${px}px "${ARABIC_FAMILY}", "${LATIN_FAMILY}"`;
}

/** For text the printer would print itself (preview of Latin lines): Latin face only. */
export function cssLatinFont(px: number, bold: boolean): string {
  return `${bold ? 'bold ' : ''}${px}px "${LATIN_FAMILY}"`;
}
