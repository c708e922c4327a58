// `npx tsx scripts/make-icon.ts`: draws Shahn's app icon — a lightning bolt over the word شحن on
// the brand's navy — into build-resources/icon.png (1024 px: electron-builder makes the Windows,
// macOS and Linux icons from it) and assets/icon.png (256 px: the desktop window's own icon).
// Drawn from code so the icon can be remade exactly, with the bundled Noto Sans Arabic.
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

const ROOT = path.resolve(__dirname, '..');
GlobalFonts.registerFromPath(path.join(ROOT, 'assets/fonts/NotoSansArabic-Bold.ttf'), 'ShahnIconArabic');

function draw(size: number): Buffer {
  const c = createCanvas(size, size);
  const g = c.getContext('2d');
  const u = size / 1024;
  // Rounded square, navy to a slightly lighter navy.
  const r = 200 * u;
  const grad = g.createLinearGradient(0, 0, 0, size);
  grad.addColorStop(0, '#134e72');
  grad.addColorStop(1, '#0b3d5c');
  g.fillStyle = grad;
  g.beginPath();
  g.moveTo(r, 0);
  g.arcTo(size, 0, size, size, r);
  g.arcTo(size, size, 0, size, r);
  g.arcTo(0, size, 0, 0, r);
  g.arcTo(0, 0, size, 0, r);
  g.closePath();
  g.fill();
  // The bolt.
  const bolt: [number, number][] = [[560, 110], [300, 560], [500, 560], [430, 860], [740, 400], [540, 400], [640, 110]];
  g.fillStyle = '#f6c343';
  g.beginPath();
  bolt.forEach(([x, y], i) => (i === 0 ? g.moveTo(x * u, y * u * 0.78) : g.lineTo(x * u, y * u * 0.78)));
  g.closePath();
  g.fill();
  // The word, joined and right to left (the canvas shapes Arabic).
  g.fillStyle = '#ffffff';
  g.font = `${230 * u}px ShahnIconArabic`;
  g.textAlign = 'center';
  g.textBaseline = 'alphabetic';
  g.direction = 'rtl';
  g.fillText('شحن', 512 * u, 930 * u);
  return c.toBuffer('image/png');
}

fs.mkdirSync(path.join(ROOT, 'build-resources'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'build-resources/icon.png'), draw(1024));
fs.writeFileSync(path.join(ROOT, 'assets/icon.png'), draw(256));
console.log('wrote build-resources/icon.png (1024 px) and assets/icon.png (256 px)');
