import type { RgbaImage } from './png-encoder';

/** A region of the plane, in pixel units with y pointing down. */
export type Shape = (x: number, y: number) => boolean;

/** A colour as red, green, blue 0–255 and alpha 0–1. */
export type Colour = readonly [number, number, number, number];

type Point = readonly [number, number];

const samplesPerAxis = 4;
const dilationDirections = 24;

export function roundedRect(left: number, top: number, right: number, bottom: number, radius: number): Shape {
  return (x, y) => {
    const dx = Math.max(left + radius - x, 0, x - (right - radius));
    const dy = Math.max(top + radius - y, 0, y - (bottom - radius));
    return x >= left && x <= right && y >= top && y <= bottom && dx * dx + dy * dy <= radius * radius;
  };
}

export function circle(cx: number, cy: number, radius: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
}

export function triangle(a: Point, b: Point, c: Point): Shape {
  const side = (p: Point, q: Point, x: number, y: number): number => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  return (x, y) => {
    const s1 = side(a, b, x, y);
    const s2 = side(b, c, x, y);
    const s3 = side(c, a, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

export function union(...shapes: readonly Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

export function difference(shape: Shape, minus: Shape): Shape {
  return (x, y) => shape(x, y) && !minus(x, y);
}

// Probing a ring of offsets is exact enough for gaps and strokes a few pixels wide.
export function dilate(shape: Shape, distance: number): Shape {
  const offsets: Point[] = [[0, 0]];
  for (let i = 0; i < dilationDirections; i++) {
    const angle = (2 * Math.PI * i) / dilationDirections;
    offsets.push([distance * Math.cos(angle), distance * Math.sin(angle)], [(distance / 2) * Math.cos(angle), (distance / 2) * Math.sin(angle)]);
  }
  return (x, y) => offsets.some(([dx, dy]) => shape(x + dx, y + dy));
}

export function erode(shape: Shape, distance: number): Shape {
  const outside = dilate((x, y) => !shape(x, y), distance);
  return (x, y) => !outside(x, y);
}

/** A straight-alpha RGBA drawing surface that paints anti-aliased shapes over each other. */
export class Canvas {
  private readonly pixels: Float64Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Colour = [0, 0, 0, 0],
  ) {
    this.pixels = new Float64Array(width * height * 4);
    for (let i = 0; i < this.pixels.length; i += 4) this.pixels.set(background, i);
  }

  fill(shape: Shape, colour: Colour): void {
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const coverage = coverageAt(shape, x, y);
        if (coverage > 0) this.blend((y * this.width + x) * 4, colour, coverage);
      }
    }
  }

  toImage(): RgbaImage {
    const bytes = new Uint8Array(this.pixels.length);
    for (let i = 0; i < this.pixels.length; i += 4) {
      const alpha = this.pixels[i + 3] ?? 0;
      for (let c = 0; c < 3; c++) bytes[i + c] = Math.round(this.pixels[i + c] ?? 0);
      bytes[i + 3] = Math.round(alpha * 255);
    }
    return { width: this.width, height: this.height, pixels: bytes };
  }

  private blend(offset: number, [red, green, blue, alpha]: Colour, coverage: number): void {
    const source = alpha * coverage;
    const below = (this.pixels[offset + 3] ?? 0) * (1 - source);
    const total = source + below;
    if (total === 0) return;
    [red, green, blue].forEach((value, c) => {
      this.pixels[offset + c] = (value * source + (this.pixels[offset + c] ?? 0) * below) / total;
    });
    this.pixels[offset + 3] = total;
  }
}

// Pixels whose corners and centre agree are taken as fully in or out: no feature here is smaller than a pixel.
function coverageAt(shape: Shape, x: number, y: number): number {
  const probes = [shape(x, y), shape(x + 1, y), shape(x, y + 1), shape(x + 1, y + 1), shape(x + 0.5, y + 0.5)];
  if (probes.every(Boolean)) return 1;
  if (!probes.some(Boolean)) return 0;
  let hits = 0;
  for (let sy = 0; sy < samplesPerAxis; sy++) {
    for (let sx = 0; sx < samplesPerAxis; sx++) {
      if (shape(x + (sx + 0.5) / samplesPerAxis, y + (sy + 0.5) / samplesPerAxis)) hits++;
    }
  }
  return hits / samplesPerAxis ** 2;
}
