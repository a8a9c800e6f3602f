#!/usr/bin/env python3
"""Report source files that exist but that no meson.build lists.

    check_listed.py DIR PATTERN [LISTED...]

Prints each file under DIR that matches PATTERN (a pathlib glob: '*.c', '**/*.py';
__pycache__ is skipped) and whose path relative to DIR is not among LISTED, one per
line, sorted; exits 1 if there is any, 0 otherwise.

The meson.build files name every source by hand (meson has no glob on purpose, and a
file set discovered at configure time goes stale without a reconfigure). The price is
that a file someone forgot to list would silently not be built or embedded: the top
meson.build runs this check at configure time and makes such a file an error.
"""
import pathlib
import sys


def unlisted(root: pathlib.Path, pattern: str, listed: set[str]) -> list[str]:
    names = (p.relative_to(root).as_posix() for p in root.glob(pattern) if p.is_file())
    return sorted(n for n in names if '__pycache__' not in n and n not in listed)


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = pathlib.Path(sys.argv[1])
    extra = unlisted(root, sys.argv[2], set(sys.argv[3:])) if root.is_dir() else []
    for name in extra:
        print(name)
    return 1 if extra else 0


if __name__ == '__main__':
    sys.exit(main())
