"""Counts the pixels of a PNG close to each given colour (Pillow): prints JSON {colour: count, "total": n}.

Usage: pixel_shares.py FILE.png [--exclude X,Y,W,H] '#RRGGBB' ... ; pixels in the excluded box (e.g. an
inset) are not counted; a pixel counts for the nearest listed colour when it is
within 40 (Euclidean, 0-255 RGB) of it, so anti-aliased edges and other colours count for none.
"""
import json
import sys

from PIL import Image


def main():
    path, colours = sys.argv[1], sys.argv[2:]
    exclude = None
    if colours[:1] == ["--exclude"]:
        exclude = [round(float(v)) for v in colours[1].split(",")]
        colours = colours[2:]
    targets = [tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in colours]
    image = Image.open(path).convert("RGB")
    if exclude:
        x, y, w, h = exclude
        image.paste((255, 255, 255), (x, y, x + w, y + h))
    counts = dict.fromkeys(colours, 0)
    histogram = image.getcolors(maxcolors=1 << 24) or []
    for n, rgb in histogram:
        best, distance = None, 41.0 ** 2
        for colour, t in zip(colours, targets):
            d = sum((a - b) ** 2 for a, b in zip(rgb, t))
            if d < distance:
                best, distance = colour, d
        if best is not None:
            counts[best] += n
    counts["total"] = image.width * image.height
    print(json.dumps(counts))


main()
