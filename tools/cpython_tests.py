#!/usr/bin/env python3
"""Run CPython's own regression tests (Debian's libpython3.11-testsuite) under
gilpy and under python3.11, and count what passes in each.

    tools/cpython_tests.py [--gilpy build/gilpy] [--timeout 300] [--md FILE] test_re test_struct ...
    tools/cpython_tests.py --list ci        # the names CI runs (CI_SUBSET below)
    tools/cpython_tests.py --update [NAMES]  # rerun NAMES (default: every file in the
                                            # table) and rewrite their rows in TABLE_DOC
    tools/cpython_tests.py --check [NAMES]  # gilpy only, NAMES default CI_SUBSET: exit 1
                                            # when a file passes fewer than TABLE_DOC says

Each test file runs as `INTERP -m unittest -v test.NAME` from the library directory,
in a process of its own with a time limit, and its summary lines are read: the
last "Ran N tests" (tests that run a child unittest print theirs earlier), then
"OK (skipped=S)" or "FAILED (failures=F, errors=E, skipped=S)".
Passed = N - F - E - S.  A run that crashes, hangs or prints no summary counts
as 0 passed, with the reason.  A package (test_asyncio) runs one process per
module (test.NAME.test_x), so that a crash or hang costs that module only, and
its counts are the sums.  The few tests that hang on this machine under both
interpreters for reasons of the machine (EXCLUDED) are left out of both runs by
tools/cpython_test_main.py.  The table compares gilpy with python3.11 and gives
the ratio the issues ask for (gilpy's passes over CPython's), and beside it the
same ratio without the tests gilpy skips as being about CPython itself
(@cpython_only, or needing CPython's C API through _testcapi), counted from the
skip reasons `-v` prints.
With --min-ratio R the exit status is 1 when any file falls below R.
"""
import argparse
import glob
import os
import re
import subprocess
import shutil
import sys
import tempfile
import time

LIBDIR = "/usr/lib/python3.11"
TABLE_DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs",
                         "CPYTHON-TESTS.md")
TABLE_HEAD = ["| test | CPython passes | gilpy passes | ratio | gilpy f/e/s | CPython-only | ratio of the rest | note |",
              "|---|---:|---:|---:|---|---:|---:|---|"]
# Skip reasons of tests that exercise CPython itself rather than the language
# and library: @cpython_only, and the C API through _testcapi.
CPYTHON_ONLY = re.compile(r"skipped '(implementation detail specific to cpython|need (the )?_testcapi( module)?"
                          r"|requires _testcapi|_testcapi lacks [^']*|test requires _testcapi[^']*)'")
PYTHON = "/usr/bin/python3.11"
# Fast files that exercise what gilpy implements in C; CI runs these.  Left out:
# files whose count moves from run to run (test_array, test_deque: tests that need
# an object gone right after gc.collect(), which the conservative stack scan may keep).
CI_SUBSET = ["test_ast", "test_binascii", "test_csv", "test_defaultdict",
             "test_memoryio", "test_struct", "test_context", "test_bisect", "test_heapq",
             "test_operator", "test_secrets", "test_exception_group", "test_except_star",
             "test_patma", "test_multibytecodec", "test_codecencodings_iso2022"]
# Tests left out under both interpreters: substrings of test ids, and why.
EXCLUDED = {
    # /dev/vsock exists (a VM) but nothing answers: CPython hangs in connect()
    "test_socket": ["ThreadedVSOCKSocketStreamTest"],
}
MAIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cpython_test_main.py")


# Packages run one process per module, so that a crash or hang costs that module
# only (the others run whole: their __init__ gathers subpackages, test_importlib's).
SPLIT_PACKAGES = {"test_asyncio"}


# Files whose tests their test_main() chooses (run as regrtest runs them:
# test_decimal makes its C and Python variants there).
TEST_MAIN = {"test_xml_etree", "test_decimal"}


def modules_of(name):
    """The module names to run for test file or package `name`."""
    pkg = os.path.join(LIBDIR, "test", name)
    if name not in SPLIT_PACKAGES or not os.path.isdir(pkg):
        return ["test." + name]
    return ["test.%s.%s" % (name, f[:-3]) for f in sorted(os.listdir(pkg))
            if f.startswith("test") and f.endswith(".py")]


# Test packages Debian's libpython3.11-testsuite leaves out (test_sqlite3) are
# taken from another CPython 3.11 library, $CPYTHON_EXTRA_TESTS or pyenv's, and
# run from an overlay of LIBDIR/test that adds them.  What they import from
# _testcapi (a C extension of CPython's test build, absent from gilpy) is given
# to gilpy alone, as a two-constant module on GILPY_PATH.
EXTRA_TESTS_GLOB = "/root/.pyenv/versions/3.11.*/lib/python3.11/test"
TESTCAPI_STUB = "INT_MAX = 2**31 - 1\nULLONG_MAX = 2**64 - 1\n"


def test_home(name, interp):
    """(cwd, extra environment) to run test.NAME from."""
    if os.path.exists(os.path.join(LIBDIR, "test", name)) or \
            os.path.exists(os.path.join(LIBDIR, "test", name + ".py")):
        return LIBDIR, {}
    dirs = [os.environ["CPYTHON_EXTRA_TESTS"]] if "CPYTHON_EXTRA_TESTS" in os.environ else \
        sorted(glob.glob(EXTRA_TESTS_GLOB))
    found = [d for d in dirs if os.path.isdir(os.path.join(d, name))]
    if not found:
        return LIBDIR, {}
    home = tempfile.mkdtemp(prefix="cpython-tests-")
    os.mkdir(os.path.join(home, "test"))
    for entry in os.listdir(os.path.join(LIBDIR, "test")):
        os.symlink(os.path.join(LIBDIR, "test", entry), os.path.join(home, "test", entry))
    os.symlink(os.path.join(found[0], name), os.path.join(home, "test", name))
    os.mkdir(os.path.join(home, "stub"))
    with open(os.path.join(home, "stub", "_testcapi.py"), "w") as f:
        f.write(TESTCAPI_STUB)
    return home, ({} if interp == PYTHON else {"GILPY_PATH": os.path.join(home, "stub")})


def run_module(interp, module, timeout, excluded, home):
    """(passed, ran, failures, errors, skipped, note, cpython_only skips) for one test module."""
    t0 = time.monotonic()
    cwd, env = home
    if module.split(".")[-1] in TEST_MAIN:
        argv = [interp, MAIN, "--test-main", module]
    elif excluded:
        argv = [interp, MAIN, module] + excluded
    else:
        argv = [interp, "-m", "unittest", "-v", module]
    try:
        p = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout, env=dict(os.environ, PYTHONHASHSEED="0", **env))
    except subprocess.TimeoutExpired:
        return (0, 0, 0, 0, 0, "timeout after %ds" % timeout, 0)
    out = p.stdout.decode("utf-8", "replace")
    ran = list(re.finditer(r"^Ran (\d+) tests?", out, re.M))
    if not ran:
        last = [l for l in out.splitlines() if l.strip()][-1:] or ["no output"]
        return (0, 0, 0, 0, 0, "no summary (exit %d): %s" % (p.returncode, last[0][:100]), 0)
    n = int(ran[-1].group(1))
    tail = out[ran[-1].end():]
    counts = {}
    for key in ("failures", "errors", "skipped", "expected failures", "unexpected successes"):
        m = re.search(key + r"=(\d+)", tail)
        counts[key] = int(m.group(1)) if m else 0
    f, e, s = counts["failures"], counts["errors"], counts["skipped"]
    f += counts["unexpected successes"]
    passed = n - f - e - s - counts["expected failures"]
    only = len(CPYTHON_ONLY.findall(out))
    return (passed, n, f, e, s, "%.0fs" % (time.monotonic() - t0), only)


def run_one(interp, name, timeout):
    """(passed, ran, failures, errors, skipped, note, cpython_only skips) for one test
    file or package; a package's note names the modules that gave no summary."""
    home = test_home(name, interp)
    try:
        modules = modules_of(name)
        if len(modules) == 1:
            return run_module(interp, modules[0], timeout, EXCLUDED.get(name), home)
        total, notes = [0] * 5, []
        only = 0
        for module in modules:
            got = run_module(interp, module, timeout, EXCLUDED.get(name), home)
            total = [a + b for a, b in zip(total, got[:5])]
            only += got[6]
            if got[5].startswith(("no summary", "timeout")) and "SkipTest" not in got[5]:
                notes.append("%s: %s" % (module.rsplit(".", 1)[1], got[5]))
        return tuple(total) + ("; ".join(notes)[:300], only)
    finally:
        if home[0] != LIBDIR:
            shutil.rmtree(home[0], ignore_errors=True)


def read_table(path):
    """{name: row line} of the table in the Markdown document at path."""
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if line.startswith("| test_") and len(cells) >= 3:
                rows[cells[0]] = line.rstrip("\n")
    return rows


def write_table(path, rows):
    """Replace the table in the document at path by rows (sorted by name)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    start = lines.index(TABLE_HEAD[0])
    end = start + 2
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    body = [rows[k] for k in sorted(rows)]
    lines[start:end] = TABLE_HEAD + body
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def row_for(name, cp, gp):
    """The table row; "CPython-only" counts gilpy's skips of tests about CPython
    itself (beyond CPython's own skips of them), and the last ratio leaves those out."""
    ratio = gp[0] / cp[0] if cp[0] else 1.0
    only = max(0, gp[6] - cp[6])
    rest = gp[0] / (cp[0] - only) if cp[0] > only else 1.0
    note = gp[5] if gp[5].startswith(("no summary", "timeout")) or ": " in gp[5] else ""
    return ratio, "| %s | %d | %d | %.0f%% | %d/%d/%d | %d | %.0f%% | %s |" % (
        name, cp[0], gp[0], 100 * ratio, gp[2], gp[3], gp[4], only, 100 * rest, note)


def check(gilpy, names, timeout):
    """Run names under gilpy; 1 if any passes fewer tests than the table says."""
    table = read_table(TABLE_DOC)
    bad = 0
    for name in names:
        want = int(table[name].strip("|").split("|")[2]) if name in table else 0
        got = run_one(gilpy, name, timeout)
        verdict = "ok" if got[0] >= want else "FEWER"
        bad += got[0] < want
        print("%-22s gilpy %4d passed (table: %d)  %s  %s" % (name, got[0], want, verdict,
                                                               got[5]), flush=True)
    return 1 if bad else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gilpy", default="build/gilpy")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--md", help="also write the table as Markdown to this file")
    ap.add_argument("--min-ratio", type=float, default=None)
    ap.add_argument("--list", choices=["ci"], help="print the CI subset and stop")
    ap.add_argument("--update", action="store_true", help="rewrite rows of " + TABLE_DOC)
    ap.add_argument("--check", action="store_true", help="compare gilpy with " + TABLE_DOC)
    ap.add_argument("tests", nargs="*")
    a = ap.parse_args()
    if a.list:
        print(" ".join(CI_SUBSET))
        return 0
    gilpy = os.path.abspath(a.gilpy)
    if a.check:
        return check(gilpy, a.tests or CI_SUBSET, a.timeout)
    table = read_table(TABLE_DOC) if a.update else {}
    names = a.tests or (sorted(table) if a.update else CI_SUBSET)
    rows = list(TABLE_HEAD)
    worst = 1.0
    for name in names:
        ratio, row = row_for(name, run_one(PYTHON, name, a.timeout),
                             run_one(gilpy, name, a.timeout))
        worst = min(worst, ratio)
        rows.append(row)
        table[name] = row
        print(row, flush=True)
    if a.update:
        write_table(TABLE_DOC, table)
    if a.md:
        with open(a.md, "w") as f:
            f.write("\n".join(rows) + "\n")
    if a.min_ratio is not None and worst < a.min_ratio:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
