"""What a user might write instead of `kin check`: parse every assessment
file with Python's tomllib and count the statuses. Used by bench/run.sh as
the comparison the benchmark targets name (kin at least 10x faster).

Usage: python3 bench/parse_tomllib.py FILE...
"""

import sys
import tomllib
from collections import Counter


def main(paths):
    statuses = Counter()
    for path in paths:
        with open(path, "rb") as f:
            assessment = tomllib.load(f)
        for item in assessment.get("suggestions", {}).values():
            statuses[item.get("status", "unknown")] += 1
        for item in assessment.get("own", []):
            statuses[item.get("status", "unknown")] += 1
    print(f"{len(paths)} files, statuses: {dict(sorted(statuses.items()))}")


if __name__ == "__main__":
    main(sys.argv[1:])
