"""The link-preview card of a page: a 1200×630 PNG with the page's title in its language, the section
it belongs to, EPI's wordmark and the EU emblem with "Funded by the European Union".

Networks crop the image differently (X shows 2:1, some chat apps a centred square), so every text
stays within ``SAFE``; the title is the part that varies, and it is fitted to its box.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw

from .canvas import EPI_BLUE_DARK, GREY, WHITE, compose, frame, funding_block, indexed
from .raster_text import Fitted, drawable, fit, font
from .typography import bind

WIDTH, HEIGHT = 1200, 630
MARGIN = 64
SAFE = (48, 24, WIDTH - 48, HEIGHT - 24)  # left, top, right, bottom
BAND = 132
TITLE_BOX = (MARGIN, 172, WIDTH - MARGIN, 456)
TITLE_SIZES = range(76, 39, -4)
DETAIL_SIZE = 30
MAX_TITLE = 600
FOOTER_TOP = 518
# The EU's rules for funded projects: the emblem at least as large as the largest other logo.
# The wordmark is 92 × 40 at scale 1: 147 × 64 px here, against the emblem's 132 × 88.
WORDMARK_SCALE = 1.6
EMBLEM_HEIGHT = 88
MIDDLE = (BAND + 7, FOOTER_TOP - 30)  # the band between header and footer, where title and detail go


@dataclass(frozen=True)
class CardSpec:
    """Everything drawn on a card, so a card is redrawn exactly when one of these changes."""
    lang: str
    title: str
    section: str
    funded_by: str
    domain: str
    detail: str = ""


@dataclass(frozen=True)
class Layout:
    """Where the variable texts go, for drawing and for the tests."""
    title: Fitted
    title_box: tuple[int, int, int, int]
    detail: str


def layout(spec: CardSpec) -> Layout:
    left, top, right, bottom = TITLE_BOX
    detail = fit(drawable(spec.detail, "regular"), "regular", right - left, 60, range(DETAIL_SIZE, DETAIL_SIZE - 1, -1),
                 max_lines=1).lines
    detail = detail[0] if detail else ""
    detail_height = round(DETAIL_SIZE * 1.6) if detail else 0
    room = bottom - top - detail_height
    # Four lines hold fewer than 600 letters even of "i": a longer title is cut before it is measured.
    text = drawable(bind(spec.title[:MAX_TITLE * 2], spec.lang), "bold")[:MAX_TITLE] or drawable(spec.section, "bold")
    title = fit(text, "bold", right - left, room, TITLE_SIZES)
    top += (room - title.height) // 2  # a short title stands in the middle, not under the header
    return Layout(title, (left, top, right, top + title.height), detail)


@lru_cache(maxsize=64)
def _base(section: str, funded_by: str, domain: str) -> Image.Image:
    """What every card of a section and language shares: drawn once, then copied."""
    image, draw = frame((WIDTH, HEIGHT), BAND, MARGIN, WORDMARK_SCALE, FOOTER_TOP - 18,
                        wordmark_top=round((BAND - 40 * WORDMARK_SCALE) / 2))
    fitted = fit(drawable(section, "semibold"), "semibold", 700, 60, range(36, 23, -2), max_lines=1)
    face = font("semibold", fitted.size)
    for line in fitted.lines:
        draw.text((WIDTH - MARGIN, BAND / 2), line, font=face, fill=WHITE, anchor="rm")
    domain_face = font("regular", 28)
    domain_width = round(domain_face.getlength(domain))
    draw.text((WIDTH - MARGIN, FOOTER_TOP + EMBLEM_HEIGHT / 2), domain, font=domain_face, fill=GREY, anchor="rm")
    funding_block(image, MARGIN, FOOTER_TOP, EMBLEM_HEIGHT, funded_by, WIDTH - 2 * MARGIN - domain_width - 40, 34)
    return image


@lru_cache(maxsize=64)
def _base_indexed(section: str, funded_by: str, domain: str) -> Image.Image:
    return indexed(_base(section, funded_by, domain))


def _draw_middle(image: Image.Image, parts: Layout, top: int) -> None:
    """The title and the detail line, on the white band that starts at ``top`` in the card."""
    draw = ImageDraw.Draw(image)
    title = parts.title
    face = font("bold", title.size)
    left, title_top = parts.title_box[0], parts.title_box[1] - top
    for i, line in enumerate(title.lines):
        # Baselines at 80 % of the line: room for accents above capitals (Ļ, Ž) and descenders below.
        draw.text((left, title_top + i * title.line_height + round(title.line_height * 0.8)), line, font=face,
                  fill=EPI_BLUE_DARK, anchor="ls")
    if parts.detail:
        face = font("regular", DETAIL_SIZE)
        draw.text((left, parts.title_box[3] - top + round(DETAIL_SIZE * 1.4)), parts.detail, font=face, fill=GREY,
                  anchor="ls")


def draw_card(spec: CardSpec) -> Image.Image:
    """The whole card in RGB (card_png gives the same pixels faster)."""
    image = _base(spec.section, spec.funded_by, spec.domain).copy()
    _draw_middle(image, layout(spec), 0)
    return image


def card_png(spec: CardSpec) -> bytes:
    middle = Image.new("RGB", (WIDTH, MIDDLE[1] - MIDDLE[0]), WHITE)
    _draw_middle(middle, layout(spec), MIDDLE[0])
    return compose(_base_indexed(spec.section, spec.funded_by, spec.domain), middle, MIDDLE[0])
