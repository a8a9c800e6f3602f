#!/usr/bin/env python3
"""Check that gilpy.1 documents every option and variable of `gilpy --help`.

    tools/check_man.py GILPY [MANPAGE]

Every line of the help text that starts an option (`-X opt : ...`) or an
environment variable (`GILPY_PATH : ...`) must have a matching entry in the
man page (`.B \\-X` / `.BI \\-X` / `.B GILPY_PATH`), and the man page must list
no option the help does not.  Runs as the meson test `man-page` (suite `cli`).
"""
import pathlib
import re
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent


def help_entries(gilpy):
    text = subprocess.run([gilpy, '--help'], capture_output=True, text=True, check=True).stdout
    opts = set(re.findall(r'^(-\S+)(?: \w+)?\s+:', text, re.M))
    env = set(re.findall(r'^(GILPY_\w+)\s+:', text, re.M))
    return opts, env


def man_entries(page):
    text = page.read_text()
    opts = {o.replace('\\-', '-') for o in re.findall(r'^\.BI? (\\-\S+)', text, re.M)}
    env = set(re.findall(r'^\.B (GILPY_\w+)', text, re.M))
    opts.discard('-')                 # the ARGUMENTS entry for stdin
    return opts, env


def main():
    gilpy = sys.argv[1]
    page = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else REPO / 'gilpy.1'
    h_opts, h_env = help_entries(gilpy)
    m_opts, m_env = man_entries(page)
    bad = []
    for what, h, m in (('option', h_opts, m_opts), ('variable', h_env, m_env)):
        bad += [f'{what} {x} is in --help but not in {page.name}' for x in sorted(h - m)]
        bad += [f'{what} {x} is in {page.name} but not in --help' for x in sorted(m - h)]
    for line in bad:
        print(line, file=sys.stderr)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
