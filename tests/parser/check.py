#!/usr/bin/env python3
"""Compare gilpy's parser with CPython's, file by file.

    check.py [--dump PATH_TO_ast_dump] [-a] [-v] [FILES...]

For each file, CPython's answer is ast.dump(ast.parse(src)) or, on a syntax
error, "Kind: msg (line L, offset O)"; gilpy's is what tests/unit/ast_dump
prints.  Without FILES: tests/parser/cases/*.py and tests/py/**/*.py.
-a also compares locations (include_attributes=True).  Must run on
CPython 3.11 (the reference).
"""
import ast
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def cpython(src, attrs, mode="exec"):
    if b"\0" in src:
        line = src[: src.index(b"\0")].count(b"\n") + 1
        return "SyntaxError: source code cannot contain null bytes (line %d, offset 0)" % line
    try:
        tree = ast.parse(src, mode=mode)
    except SyntaxError as e:
        return "%s: %s (line %s, offset %s)" % (type(e).__name__, e.msg, e.lineno, e.offset)
    except (ValueError, RecursionError, MemoryError) as e:
        return "%s: %s" % (type(e).__name__, e)
    try:
        return ast.dump(tree, include_attributes=attrs)
    except (ValueError, RecursionError) as e:
        return "%s: %s" % (type(e).__name__, e)


def gilpy(dump, path, attrs, mode="exec"):
    cmd = [dump] + (["-a"] if attrs else []) + ["-m", mode, path]
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=30)
    except subprocess.TimeoutExpired:
        return "TIMEOUT"
    out = r.stdout.decode("utf-8", "replace").rstrip("\n").replace(" [incomplete]", "")
    if r.returncode not in (0, 1):
        out += " [exit %d] %s" % (r.returncode, r.stderr.decode("utf-8", "replace")[-400:])
    return out


def first_diff(a, b):
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    lo = max(0, i - 60)
    return "    cpython: ...%s\n    gilpy:   ...%s" % (a[lo:i + 80], b[lo:i + 80])


def main():
    args = sys.argv[1:]
    dump = "/tmp/ast_dump"
    attrs = verbose = False
    files = []
    while args:
        a = args.pop(0)
        if a == "--dump":
            dump = args.pop(0)
        elif a == "-a":
            attrs = True
        elif a == "-v":
            verbose = True
        else:
            files.append(a)
    if not files:
        files = sorted(glob.glob(os.path.join(HERE, "cases", "*.py")))
        files += sorted(glob.glob(os.path.join(ROOT, "tests", "py", "**", "*.py"), recursive=True))
    ok = 0
    bad = []
    for f in files:
        with open(f, "rb") as fh:
            src = fh.read()
        mode = "exec"
        if os.path.basename(f).startswith("eval_"):
            mode = "eval"
        want = cpython(src, attrs, mode)
        got = gilpy(dump, f, attrs, mode)
        if want == got:
            ok += 1
        else:
            bad.append(f)
            print("DIFF %s" % os.path.relpath(f))
            if verbose or len(want) < 300:
                print(first_diff(want, got))
    print("%d/%d match%s" % (ok, len(files), " (with attributes)" if attrs else ""))
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main())
