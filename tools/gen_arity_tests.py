#!/usr/bin/env python3
"""Generate tests/py/arity/: wrong argument counts and keywords for every builtin.

    tools/gen_arity_tests.py --gilpy build/gilpy      rewrite tests/py/arity/*.py
    tools/gen_arity_tests.py --gilpy build/gilpy --report
                                                      only print, per callable, the
                                                      argument counts python3 accepts
                                                      (writes nothing)

Runs under python3 (CPython 3.11 is the oracle).  For each receiver below (a
builtin type's instance, the type itself, a module), every native callable it
has in gilpy too (functions, methods, slot wrappers) is called in python3 with
0..7 arguments to find the counts it accepts; the cases that raise an arity
TypeError in CPython become test cases: one argument too few, one too many, an
unexpected keyword, and the unbound descriptor called with nothing.  The test
files print each case's exception; their .exp comes from python3 through
tests/regen.py (run it after this script), never from gilpy.

Only callables present in both interpreters are listed, so rerun this script
when gilpy gains functions.
"""
import argparse
import ast
import pathlib
import re
import subprocess
import sys
import types

REPO = pathlib.Path(__file__).resolve().parent.parent
OUT = REPO / 'tests' / 'py' / 'arity'

# name -> (setup statements, receiver expression).  Each case evaluates the
# receiver afresh, so methods that mutate it are harmless.
RECEIVERS = {
    'int': '7', 'bool': 'True', 'float': '1.5', 'complex': '(1+2j)',
    'str': "'abc'", 'bytes': "b'abc'", 'bytearray': "bytearray(b'abc')",
    'list': '[1, 2]', 'tuple': '(1, 2)', 'dict': '{1: 2}', 'set': '{1, 2}',
    'frozenset': 'frozenset({1})', 'range': 'range(3)', 'slice': 'slice(1, 2)',
    'object': 'object()', 'none': 'None', 'type': 'int',
    'exception': "ValueError('x')",
    'iterators': None,   # several small receivers, below
    'builtins': None,
    'math': None, 'time': None,
}
ITERATORS = ["iter([1])", "iter((1,))", "iter('ab')", "iter({1: 2})", "iter({1})",
             "iter(range(2))", "enumerate([1])", "zip([1])", "map(abs, [1])",
             "filter(None, [1])", "reversed([1])"]
# Module functions that must not run (they exit, block or print).
UNSAFE = {'exit', 'quit', 'input', 'breakpoint', 'help', 'print', 'open', 'copyright',
          'credits', 'license', 'sleep', '__build_class__', '__import__'}

ARITY = re.compile(
    r'takes no arguments|takes exactly one argument|expected (at least |at most )?\d+ '
    r'arguments?, got \d+|takes (at least|at most|exactly) \d+ (positional |keyword )?'
    r'arguments? \(\d+ given\)|missing required argument|takes no positional arguments|'
    r'missing \d+ required positional|takes \d+ positional arguments? but|'
    r'must have at least two arguments|takes 1 or 3 arguments|takes no keyword arguments|'
    r'needs an argument|requires a .* object')


def receiver_exprs(name):
    if name == 'iterators':
        return ITERATORS
    if name in ('builtins', 'math', 'time'):
        return [name]
    return [RECEIVERS[name]]


def env_for(expr):
    return {'math': __import__('math'), 'time': __import__('time'),
            'builtins': __import__('builtins')}


def callables(expr):
    """The native callables of eval(expr) by attribute name (CPython)."""
    obj = eval(expr, env_for(expr))
    out = []
    for a in sorted(dir(obj)):
        if a in UNSAFE or a in ('__class__', '__init_subclass__', '__subclasshook__'):
            continue
        try:
            v = getattr(obj, a)
        except Exception:
            continue
        if isinstance(v, type):
            continue
        if type(v).__name__ in ('builtin_function_or_method', 'method-wrapper'):
            out.append(a)
    return out


def try_call(expr, attr, n, kw=False):
    """None when the call does not raise an arity TypeError, else the message."""
    args = ', '.join(['0'] * n) + ('__bogus__=0' if kw else '')
    try:
        eval(f'({expr}).{attr}({args})', env_for(expr))
    except TypeError as e:
        return str(e) if ARITY.search(str(e)) else None
    except BaseException:
        return None
    return None


def cases_for(expr, attr):
    accepted = [n for n in range(8) if try_call(expr, attr, n) is None]
    if not accepted:
        return [], None
    lo, hi = min(accepted), max(accepted)
    out = []
    if lo > 0:
        out.append((n_args(lo - 1), False))
    if hi < 7:
        out.append((n_args(hi + 1), False))
    if try_call(expr, attr, lo, kw=True):
        out.append((n_args(lo), True))
    return out, (lo, hi if hi < 7 else None)


def n_args(n):
    return ', '.join(['0'] * n)


# Slots CPython's types often fill with object's generic functions (so the
# wrapper appears in their own dict): not worth mirroring class by class.
GENERIC_SLOTS = {'__getattribute__', '__setattr__', '__delattr__', '__init__', '__new__'}


def unbound_owner(name, expr, attr):
    """The builtin class whose dict defines attr as a method descriptor or slot
    wrapper (its unbound form is then called with no receiver), or None."""
    if name in ('builtins', 'math', 'time', 'iterators', 'type'):
        return None
    for cls in type(eval(expr)).__mro__:
        d = cls.__dict__.get(attr)
        if d is None:
            continue
        ok = isinstance(d, (types.MethodDescriptorType, types.WrapperDescriptorType)) and \
            cls is type(eval(expr)) and attr not in GENERIC_SLOTS
        return cls.__name__ if ok and getattr(__import__('builtins'), cls.__name__, None) is cls else None
    return None


def gilpy_names(gilpy, exprs):
    """Which attribute names each receiver has under gilpy."""
    prog = ('import math, time, builtins\n'
            f'out = {{}}\nfor e in {exprs!r}:\n'
            '    try: out[e] = dir(eval(e))\n'
            '    except Exception: out[e] = []\n'
            'print(repr(out))\n')
    r = subprocess.run([gilpy, '-c', prog], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        sys.exit(f'gen_arity_tests: gilpy failed: {r.stderr}')
    return ast.literal_eval(r.stdout)


def write_test(name, lines):
    OUT.mkdir(exist_ok=True)
    body = ['# Generated by tools/gen_arity_tests.py: wrong argument counts and keywords.',
            '# Expected output from CPython 3.11 (tests/regen.py).',
            'import math, time, builtins', '', 'CASES = [']
    body += [f'    {c!r},' for c in lines]
    body += [']', '', 'for case in CASES:', '    try:', '        eval(case)',
             '        print(case, "-> no error")', '    except TypeError as e:',
             '        print(case, "->", e)', '']
    (OUT / f'{name}.py').write_text('\n'.join(body))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', required=True)
    ap.add_argument('--report', action='store_true')
    args = ap.parse_args()
    all_exprs = [e for n in RECEIVERS for e in receiver_exprs(n)]
    have = gilpy_names(args.gilpy, all_exprs)
    for name in RECEIVERS:
        lines = []
        for expr in receiver_exprs(name):
            for attr in callables(expr):
                if attr not in have.get(expr, []):
                    continue
                cases, arity = cases_for(expr, attr)
                for a, kw in cases:
                    sep = ', ' if a and kw else ''
                    lines.append(f'({expr}).{attr}({a}{sep}{"__bogus__=0" if kw else ""})')
                if args.report and arity:
                    print(f'{expr}.{attr}: accepts {arity[0]}..{arity[1]}')
                owner = unbound_owner(name, expr, attr)
                if owner:
                    lines.append(f'{owner}.{attr}()')
        if not args.report:
            write_test(name, lines)
            print(f'tests/py/arity/{name}.py: {len(lines)} cases')


if __name__ == '__main__':
    main()
