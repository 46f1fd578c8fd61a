"""Fits y = slope * x + intercept to a CSV of points by least squares and writes the model as JSON."""
import csv
import json
import os
import sys
from datetime import datetime, timezone


def fit(points: list[tuple[float, float]]) -> tuple[float, float]:
    n = len(points)
    if n < 2:
        raise SystemExit("need at least two points to fit a line")
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        raise SystemExit("all x values are equal: no line fits")
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    return slope, mean_y - slope * mean_x


def main(source: str, target: str) -> None:
    with open(source, newline="") as file:
        points = [(float(row["x"]), float(row["y"])) for row in csv.DictReader(file)]
    slope, intercept = fit(points)
    model = {
        "slope": round(slope, 6),
        "intercept": round(intercept, 6),
        "points": len(points),
        "trained_at": datetime.now(timezone.utc).isoformat(),
    }
    # Write then rename, so an API never reads half a model.
    partial = target + ".part"
    with open(partial, "w") as file:
        json.dump(model, file)
    os.replace(partial, target)
    print(f"trained on {len(points)} points: y = {slope:.4f} * x + {intercept:.4f} -> {target}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
