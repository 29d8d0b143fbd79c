/**
 * Draws the Teams app's two icons, a report sheet with an aeroplane: `color.png` (192×192, white on
 * the accent colour) and `outline.png` (32×32, white on transparent). The PNGs in `appPackage/` are
 * this file's output; after changing a drawing, write them anew with `npx tsx deployment/icons.ts`
 * (a test checks that they match).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { APP_PACKAGE_FOLDER, ICON_SIZES } from './teamsAppPackage';

/** The app's accent colour (manifest `accentColor`), the colour icon's background. */
export const ACCENT_COLOR = '#1F5C99';

type Point = readonly [number, number];
type Rgb = readonly [number, number, number];

/** A shape in unit coordinates (0..1 across the icon) and what it does to the pixels it covers. */
interface Layer {
  contains: (x: number, y: number) => boolean;
  /** A colour paints the shape opaque; `undefined` erases it to transparent. */
  color: Rgb | undefined;
}

const WHITE: Rgb = [255, 255, 255];

function rgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Even-odd point-in-polygon test. */
function polygon(points: readonly Point[]): (x: number, y: number) => boolean {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i] as Point;
      const [xj, yj] = points[j] as Point;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** A line from `a` to `b` with round ends, `width` thick. */
function stroke(a: Point, b: Point, width: number): (x: number, y: number) => boolean {
  const [ax, ay] = a;
  const [dx, dy] = [b[0] - ax, b[1] - ay];
  const lengthSquared = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
    const [px, py] = [ax + t * dx - x, ay + t * dy - y];
    return px * px + py * py <= (width / 2) ** 2;
  };
}

/** The whole icon. */
const everywhere = () => true;

/** An aeroplane seen from above, nose up, in a unit circle; turned `degrees` clockwise and placed. */
function aeroplane(center: Point, radius: number, degrees: number): readonly Point[] {
  const shape: Point[] = [
    [0, -1],
    [0.11, -0.86],
    [0.11, -0.3],
    [0.92, 0.16],
    [0.92, 0.32],
    [0.11, 0.08],
    [0.11, 0.6],
    [0.36, 0.78],
    [0.36, 0.92],
    [0, 0.82],
    [-0.36, 0.92],
    [-0.36, 0.78],
    [-0.11, 0.6],
    [-0.11, 0.08],
    [-0.92, 0.32],
    [-0.92, 0.16],
    [-0.11, -0.3],
    [-0.11, -0.86],
  ];
  const angle = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  return shape.map(([x, y]) => [
    center[0] + radius * (x * cos - y * sin),
    center[1] + radius * (x * sin + y * cos),
  ]);
}

/** A sheet with its top-right corner folded, inside `left..right` × `top..bottom`. */
function sheet(left: number, top: number, right: number, bottom: number, fold: number) {
  return {
    outline: [
      [left, top],
      [right - fold, top],
      [right, top + fold],
      [right, bottom],
      [left, bottom],
    ] as Point[],
    fold: [
      [right - fold, top],
      [right - fold, top + fold],
      [right, top + fold],
    ] as Point[],
  };
}

/** Renders layers into an RGBA PNG, 4×4 samples a pixel for smooth edges. */
function render(size: number, layers: readonly Layer[]): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [red, green, blue, alpha] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color: Rgb | undefined;
          for (const layer of layers) if (layer.contains(x, y)) color = layer.color;
          if (color) {
            red += color[0];
            green += color[1];
            blue += color[2];
            alpha += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      // Colour averaged over the covered samples (straight alpha), coverage as alpha.
      png.data[offset] = alpha ? Math.round(red / alpha) : 0;
      png.data[offset + 1] = alpha ? Math.round(green / alpha) : 0;
      png.data[offset + 2] = alpha ? Math.round(blue / alpha) : 0;
      png.data[offset + 3] = Math.round((alpha / (samples * samples)) * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** `color.png`: a white sheet with a blue aeroplane and text lines on the accent colour. */
export function renderColorIcon(): Buffer {
  const accent = rgb(ACCENT_COLOR);
  const page = sheet(0.25, 0.16, 0.75, 0.84, 0.14);
  const lineWidth = 0.04;
  return render(ICON_SIZES['color.png'], [
    { contains: everywhere, color: accent },
    { contains: polygon(page.outline), color: WHITE },
    { contains: polygon(page.fold), color: rgb('#A9C4E0') },
    { contains: polygon(aeroplane([0.43, 0.37], 0.13, 45)), color: accent },
    { contains: stroke([0.34, 0.58], [0.66, 0.58], lineWidth), color: accent },
    { contains: stroke([0.34, 0.67], [0.66, 0.67], lineWidth), color: accent },
    { contains: stroke([0.34, 0.76], [0.54, 0.76], lineWidth), color: accent },
  ]);
}

/** `outline.png`: the sheet's outline with the aeroplane inside, white on transparent. */
export function renderOutlineIcon(): Buffer {
  // On whole pixels, so that the 2-pixel border stays sharp.
  const px = (pixels: number) => pixels / ICON_SIZES['outline.png'];
  const page = sheet(px(6), px(2), px(26), px(30), px(6));
  const inside = sheet(px(8), px(4), px(24), px(28), px(5));
  return render(ICON_SIZES['outline.png'], [
    { contains: polygon(page.outline), color: WHITE },
    { contains: polygon(inside.outline), color: undefined },
    { contains: polygon(page.fold), color: WHITE },
    { contains: polygon(aeroplane([px(15.5), px(17)], px(8), 45)), color: WHITE },
  ]);
}

if (require.main === module) {
  writeFileSync(join(APP_PACKAGE_FOLDER, 'color.png'), renderColorIcon());
  writeFileSync(join(APP_PACKAGE_FOLDER, 'outline.png'), renderOutlineIcon());
  process.stdout.write(`Wrote color.png and outline.png in ${APP_PACKAGE_FOLDER}\n`);
}
