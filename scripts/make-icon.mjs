// Draws images/icon.png (128×128): three stacked layers on a dark rounded square.
// Run once by hand (`node scripts/make-icon.mjs`); the PNG is committed.
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const size = 128;
const samples = 4; // supersampling per axis, for smooth edges
const background = [24, 36, 54];
const layers = [ // top to bottom: centre y, colour
  { y: 40, color: [94, 234, 212] },
  { y: 64, color: [56, 189, 248] },
  { y: 88, color: [99, 102, 241] },
];

function insideRoundedSquare(x, y) {
  const radius = 24;
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

// A layer is a flat rhombus (an isometric tile), 84 wide and 36 tall.
function insideLayer(x, y, layer) {
  return Math.abs(x - size / 2) / 42 + Math.abs(y - layer.y) / 18 <= 1;
}

function colorAt(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  // Lower layers are drawn first so the upper ones cover them.
  for (const layer of layers) {
    if (insideLayer(x, y, layer)) return layer.color;
  }
  return background;
}

const rows = [];
for (let py = 0; py < size; py++) {
  const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
  for (let px = 0; px < size; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const color = colorAt(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples);
        if (!color) continue;
        r += color[0]; g += color[1]; b += color[2]; a += 1;
      }
    }
    const offset = 1 + px * 4;
    if (a > 0) {
      row[offset] = Math.round(r / a);
      row[offset + 1] = Math.round(g / a);
      row[offset + 2] = Math.round(b / a);
    }
    row[offset + 3] = Math.round((255 * a) / samples ** 2);
  }
  rows.push(row);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
