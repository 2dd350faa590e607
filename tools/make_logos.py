"""Draw the logos of the two invented sample schools (run once; the PNGs are committed).

Needs Pillow, which commgen itself does not:  pip install pillow && python tools/make_logos.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SCALE = 4  # draw large, shrink: smooth edges without anti-aliasing support in ImageDraw


def _canvas(width: int, height: int) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGBA", (width * SCALE, height * SCALE), (255, 255, 255, 0))
    return image, ImageDraw.Draw(image)


def _finish(image: Image.Image, path: Path) -> None:
    small = image.resize((image.width // SCALE, image.height // SCALE), Image.LANCZOS)
    small.save(path, optimize=True)
    print(f"wrote {path} ({path.stat().st_size} bytes)")


def vlinderboom(path: Path) -> None:
    """A butterfly of four coloured wings over a small tree trunk."""
    s = SCALE
    image, draw = _canvas(220, 220)
    green, orange, blue = (46, 139, 87), (240, 140, 40), (40, 110, 180)
    draw.rectangle((104 * s, 120 * s, 116 * s, 200 * s), fill=(120, 85, 60))
    draw.ellipse((30 * s, 30 * s, 108 * s, 112 * s), fill=orange)
    draw.ellipse((112 * s, 30 * s, 190 * s, 112 * s), fill=orange)
    draw.ellipse((44 * s, 100 * s, 106 * s, 160 * s), fill=blue)
    draw.ellipse((114 * s, 100 * s, 176 * s, 160 * s), fill=blue)
    draw.rounded_rectangle((102 * s, 40 * s, 118 * s, 150 * s), radius=8 * s, fill=green)
    _finish(image, path)


def hetbaken(path: Path) -> None:
    """A lighthouse with a beam, and the letters HB."""
    s = SCALE
    image, draw = _canvas(220, 220)
    navy, red, yellow = (25, 50, 95), (200, 45, 45), (250, 200, 60)
    draw.polygon([(110 * s, 60 * s), (30 * s, 20 * s), (30 * s, 100 * s)], fill=yellow)
    draw.polygon([(90 * s, 200 * s), (130 * s, 200 * s), (122 * s, 70 * s), (98 * s, 70 * s)],
                 fill=navy)
    for top in (90, 130, 170):
        draw.rectangle((94 * s, top * s, 126 * s, (top + 14) * s), fill=red)
    draw.rectangle((96 * s, 48 * s, 124 * s, 70 * s), fill=yellow, outline=navy, width=3 * s)
    font = ImageFont.truetype(FONT, 44 * s)
    draw.text((140 * s, 120 * s), "HB", font=font, fill=navy)
    _finish(image, path)


if __name__ == "__main__":
    folder = ROOT / "samples" / "scholen"
    vlinderboom(folder / "vlinderboom-logo.png")
    hetbaken(folder / "hetbaken-logo.png")
