import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng, type RgbaImage } from './lib/png-encoder';
import { Canvas, circle, difference, dilate, erode, roundedRect, triangle, union, type Colour, type Shape } from './lib/raster';

/** Background of the colour icon; keep equal to accentColor in the manifest template. */
export const accentColour = '#1F6F8B';

const background = opaque(accentColour);
const mint: Colour = [0x9f, 0xe3, 0xd6, 1];
const white: Colour = [255, 255, 255, 1];
const transparentWhite: Colour = [255, 255, 255, 0];

function opaque(hex: string): Colour {
  const channel = (at: number): number => parseInt(hex.slice(at, at + 2), 16);
  return [channel(1), channel(3), channel(5), 1];
}

type Bubbles = { readonly back: Shape; readonly front: Shape; readonly dots: Shape };

// Two overlapping speech bubbles: a conversation seen from both sides. Drawn on a 192-unit grid.
function bubbles(scale: number): Bubbles {
  const s = (value: number): number => value * scale;
  const back = union(roundedRect(s(74), s(38), s(158), s(104), s(22)), triangle([s(126), s(98)], [s(150), s(98)], [s(156), s(124)]));
  const front = union(roundedRect(s(34), s(74), s(126), s(144), s(24)), triangle([s(50), s(138)], [s(78), s(138)], [s(42), s(164)]));
  const dots = union(...[58, 80, 102].map((x) => circle(s(x), s(109), s(7.5))));
  return { back, front, dots };
}

export function drawColourIcon(): RgbaImage {
  const size = 192;
  const { back, front, dots } = bubbles(1);
  const canvas = new Canvas(size, size, background);
  canvas.fill(back, mint);
  canvas.fill(dilate(front, 6), background);
  canvas.fill(front, white);
  canvas.fill(dots, background);
  return canvas.toImage();
}

// Teams tints the outline icon itself, so it must be white on transparent only.
export function drawOutlineIcon(): RgbaImage {
  const size = 32;
  const { back, front } = bubbles(size / 192);
  const canvas = new Canvas(size, size, transparentWhite);
  const backStroke = difference(back, erode(back, 2));
  canvas.fill(difference(backStroke, dilate(front, 1.5)), white);
  canvas.fill(front, white);
  return canvas.toImage();
}

function main(): void {
  const directory = path.resolve(__dirname, '..', 'deploy', 'appPackage');
  const icons: ReadonlyArray<readonly [string, RgbaImage]> = [
    ['color.png', drawColourIcon()],
    ['outline.png', drawOutlineIcon()],
  ];
  for (const [name, image] of icons) {
    const file = path.join(directory, name);
    writeFileSync(file, encodePng(image));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${image.width}x${image.height})`);
  }
}

if (require.main === module) main();
