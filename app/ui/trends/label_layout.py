"""Placement of the event labels under the trend plot so that no two overprint each other.

Pure geometry (no Qt): each label is anchored at its marker's x (pixels) and has a width; it
is drawn to the right of the marker, or to the left when it would run out of the plot. Labels
are then given rows greedily, left to right: a label goes on the first row where it keeps
``gap`` pixels from everything already there (row 0 also holds the markers themselves, which
a label must not cover); otherwise a new row is opened below. Printed plots have no hover, so
every label stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Placed:
    index: int  # position in the input list
    left: float  # pixels
    right: float
    row: int  # 0 = the marker's own row, 1 = the row below it, …


def place_labels(anchors: list[tuple[float, float]], plot_width: float, *, offset: float = 9.0,
                 gap: float = 6.0, marker: float = 6.0) -> list[Placed]:
    """``anchors``: (marker x, label width) in pixels, for a plot ``plot_width`` pixels wide.
    Returns one :class:`Placed` per label (input order): its extent and its row."""
    boxes: list[tuple[float, float, int]] = []
    for i, (x, width) in enumerate(anchors):
        if x + offset + width <= plot_width:
            left = x + offset
        else:  # flush left of the marker
            left = max(0.0, x - offset - width)
        boxes.append((left, left + width, i))
    # what each row holds: (left, right, owner); row 0 starts with the markers
    rows: list[list[tuple[float, float, int]]] = [
        [(x - marker, x + marker, i) for i, (x, _w) in enumerate(anchors)]]
    placed: dict[int, Placed] = {}
    for left, right, i in sorted(boxes):
        row = next((r for r, taken in enumerate(rows)
                    if all(owner == i or right + gap <= a or left >= b + gap
                           for a, b, owner in taken)), len(rows))
        if row == len(rows):
            rows.append([])
        rows[row].append((left, right, i))
        placed[i] = Placed(i, left, right, row)
    return [placed[i] for i in range(len(anchors))]


def overlaps(a: Placed, b: Placed) -> bool:
    """Two labels on the same row whose extents intersect."""
    return a.row == b.row and a.left < b.right and b.left < a.right
