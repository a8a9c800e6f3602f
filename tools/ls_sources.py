#!/usr/bin/env python3
"""List files for meson at configure time (meson has no glob on purpose).

    ls_sources.py DIR PATTERN     -> one path per line, relative to DIR, sorted

PATTERN is a pathlib glob ('*.c', '**/*.py'). Used to embed stdlib/lib/**/*.py and
to warn about .c files that exist but are not listed in a meson.build.
"""
import pathlib
import sys


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    pattern = sys.argv[2]
    if not root.is_dir():
        return 0
    names = sorted(p.relative_to(root).as_posix() for p in root.glob(pattern) if p.is_file())
    for name in names:
        if '__pycache__' in name:
            continue
        print(name)
    return 0


if __name__ == '__main__':
    sys.exit(main())
