"""The map of good practices: the 16 voivodeships as a tile map (a 4 × 4 grid kept roughly where each lies
in Poland), drawn as inline SVG from our own data — no outside tile service, nothing loaded from elsewhere.
Each tile says its name and number in text (never by colour alone); the page has the same numbers as a
table."""

from .choices import Voivodeship as V

TILE, GAP = 150, 6
# (column, row) of each voivodeship
GRID = {
    V.ZACHODNIOPOMORSKIE: (0, 0),
    V.POMORSKIE: (1, 0),
    V.WARMINSKO_MAZURSKIE: (2, 0),
    V.PODLASKIE: (3, 0),
    V.LUBUSKIE: (0, 1),
    V.KUJAWSKO_POMORSKIE: (1, 1),
    V.MAZOWIECKIE: (2, 1),
    V.LUBELSKIE: (3, 1),
    V.DOLNOSLASKIE: (0, 2),
    V.WIELKOPOLSKIE: (1, 2),
    V.LODZKIE: (2, 2),
    V.SWIETOKRZYSKIE: (3, 2),
    V.OPOLSKIE: (0, 3),
    V.SLASKIE: (1, 3),
    V.MALOPOLSKIE: (2, 3),
    V.PODKARPACKIE: (3, 3),
}
SIZE = 4 * TILE + 3 * GAP


def _level(count: int, most: int) -> int:
    if not count:
        return 0
    return 1 + min(2, (3 * count - 1) // max(most, 1))


def _lines(label: str, y: int) -> list[tuple[str, int]]:
    """A long two-part name ("warmińsko-mazurskie") on two lines that fit the tile."""
    first, dash, second = label.partition("-")
    if not dash:
        return [(label, y)]
    return [(f"{first}-", y - 10), (second, y + 8)]


def map_tiles(counts: list[dict]) -> list[dict]:
    most = max((c["count"] for c in counts), default=0)
    tiles = []
    for entry in counts:
        column, row = GRID[entry["code"]]
        x, y = column * (TILE + GAP), row * (TILE + GAP)
        tiles.append(
            {
                **entry,
                "x": x,
                "y": y,
                "size": TILE,
                "text_x": x + TILE // 2,
                "name_y": y + TILE // 2 - 12,
                "count_y": y + TILE // 2 + 26,
                "level": _level(entry["count"], most),
                "lines": _lines(str(entry["label"]), y + TILE // 2 - 12),
            }
        )
    return tiles
