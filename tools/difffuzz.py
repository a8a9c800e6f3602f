#!/usr/bin/env python3
"""Differential fuzzing: random small programs run under gilpy and CPython 3.11.

    tools/difffuzz.py [--seconds N | --minutes N] [--seeds A:B] [-j N]
                      [--gilpy build/gilpy] [--python PATH] [--out DIR] [--no-minimize]
    tools/difffuzz.py --ci              CI mode: seeds 1..CI_SEEDS, at most CI_SECONDS
    tools/difffuzz.py --show SEED       print the program of one seed
    tools/difffuzz.py --check FILE      run one program under both, print the differences
    tools/difffuzz.py --minimize FILE   shrink FILE while it still diverges, print it

Each seed deterministically gives one program (random.Random(seed)): a prelude
(`show`, which prints values and drains iterators, and `exc`, which prints a
caught exception's type and message), then 25-45 independent chunks: expressions
over a pool of typed variables, method calls of str/bytes/bytearray/int/float/
list/tuple/dict/set, formatting (`%`, `format`, f-strings with random specs),
comprehensions, generators (send/throw/close, `yield from`), try/except/finally
with return/break in `finally`, unpacking, closures, classes whose dunders behave,
raise, return the wrong type, return NotImplemented, mutate a container or recurse,
subclasses of builtins, context managers, and now and then two or three threads.
Most chunks sit in `try/except Exception` so one error does not end the program;
about a third of the programs end with an unguarded statement, so uncaught
exceptions and `sys.exit` are compared too.

The runner executes the program with gilpy and with CPython (the real python3
behind pyenv's shim, as tests/regen.py, or /usr/bin/python3.11), both with
PYTHONHASHSEED=0, LC_ALL=C.UTF-8, a 10 s timeout and RLIMIT_AS at 4 GiB, and
compares stdout, the exit status and, when the status is not 0, the last line of
stderr (the uncaught exception).  A gilpy crash (death by a signal, a sanitizer
report) or a hang where CPython finishes is always a divergence.

What is never generated, because it differs between two runs of CPython itself
or between two correct implementations: id(), hash() of objects without their own
__hash__ (every generated class defines __hash__ or is unhashable), reprs with
addresses (every generated class defines __repr__, `show` prints callables by
name), timing, thread interleavings (threads append to lists that are sorted
before printing), and features gilpy documents as missing (docs/notes/
known-gaps.md: codecs other than utf-8/ascii/latin-1, `match`, weakref...).
What remains of the known differences is ALLOWLIST below, each entry with its
reason; a divergence matching one is counted but not reported as a failure.

The minimizer deletes lines (largest blocks first, then single lines, until a
fixed point) and keeps a deletion when the program still compiles under the host
python3 and still diverges the same way (same kind: crash, hang, exit status,
stdout or the uncaught exception).  Divergences are written to --out
(build/difffuzz/ by default) as seedN.py and seedN.min.py; a minimized program is
then added to tests/py/fuzz_found/ by hand, with its expected output from
tests/regen.py.
"""
import argparse
import concurrent.futures
import os
import pathlib
import random
import re
import resource
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
CI_SEEDS = 6000          # the fixed seed range of --ci: 1..CI_SEEDS
CI_SECONDS = 75          # --ci stops starting programs after this many seconds
TIMEOUT = 10.0           # per program and interpreter
MEM_LIMIT = 4 << 30      # RLIMIT_AS of both interpreters

# Known, explained differences that the generator cannot avoid: (name, reason,
# predicate).  The predicate gets the divergence's signature (kind, CPython's
# line, gilpy's line: the first differing stdout lines, or the last stderr
# lines) and the program; a divergence it accepts is counted, not failed.  An
# entry is removed when gilpy is fixed; keep each one narrow.
RECURSION = 'maximum recursion depth exceeded'


def _both(sig, text):
    return len(sig) == 3 and text in str(sig[1]) and text in str(sig[2])


ALLOWLIST = [
    ('recursion-message',
     "Both raise RecursionError, with different suffixes (' in comparison', ' while calling a "
     "Python object', ...): which of CPython's guards trips first at the limit depends on its "
     "exact count per level of Python frames and C calls, which gilpy's frames do not "
     "reproduce level for level.",
     lambda sig, src: _both(sig, RECURSION)),
    ('nan-identity',
     "gilpy's floats are values (NaN-boxed), so two float('nan') with the same bits are one "
     "object: a container holding one NaN compares equal to (or finds) another, where CPython's "
     "identity checks and its identity-based hash(nan) (3.10+) tell two NaN objects apart.",
     lambda sig, src: len(sig) == 3 and "float('nan')" in src
     and ('nan' in str(sig[1]) or 'nan' in str(sig[2]))),
]


# ==== the generator ==============================================================

PRELUDE = '''\
import sys
sys.setrecursionlimit(400)
def _r(x):
    t = type(x)
    if t.__module__ == '__main__':
        return repr(x)
    if hasattr(t, '__next__') and t.__name__ not in ('str', 'bytes'):
        out = []
        for v in x:
            out.append(v)
            if len(out) >= 30:
                break
        return t.__name__ + ':' + _r(out)
    if callable(x) and not isinstance(x, type):
        return '<callable %s>' % getattr(x, '__name__', '?')
    if t in (list, tuple):
        return repr(t(_Shown(_r(v)) for v in x))
    if t in (set, frozenset) and any(_idh(v) for v in x):
        return t.__name__ + '~' + repr(sorted(_r(v) for v in x))
    return repr(x)
def _idh(v):
    # None, NaN and objects without a __hash__ of their own hash by address in
    # 3.11: a set holding one iterates in an order that depends on memory
    # layout, so it is printed sorted.
    if v is None or (type(v) is float and v != v) or type(v).__hash__ is object.__hash__:
        return True
    return type(v) in (tuple, frozenset) and any(_idh(i) for i in v)
class _Shown:
    def __init__(self, s): self.s = s
    def __repr__(self): return self.s
def show(*a):
    print(*[_r(x) for x in a])
def exc(e):
    print('!', type(e).__name__, e)
LOG = []
'''

INTS_SMALL = ['0', '1', '2', '3', '-1', '-2', '5', '7', '10', '16', '-7', '100', '255', '256', '1000']
INTS_BIG = ['2**63', '-2**63', '2**64 - 1', '10**20', '-10**30', '12345678901234567890',
            '2**62', '0x7fffffffffffffff', '-(2**100)', '2**200 + 1']
FLOATS = ['0.0', '-0.0', '1.5', '-2.25', '0.1', '3.141592653589793', '1e300', '-1e-300', '2.5',
          '1e16', '123456789.125', "float('nan')", "float('inf')", "float('-inf')", '7.0', '-0.5',
          '1e22', '5e-324', '0.30000000000000004', '100.0']
STRS = ["''", "'a'", "'abc'", "'Hello World'", "'a,b,,c'", "'  x y  '", "'ÄÖü'", "'αβγ'",
        "'日本語'", "'\\t\\n'", "'a\\x00b'", "'123'", "'-4.5'", "'{}'", "'%s'", "'ß'", "'ﬁ'",
        "'🎉x'", "'aAbB'", "'x' * 5", "'1_000'", "' 42 '", "'0x1f'", "'İ'", "'ǅ'", "'a\\r\\nb'",
        "'straße'", "'Title case'", "'\\u0130i'", "'  '", "'ab' * 3", "'inf'", "'-nan'",
        "'{0}-{1}'", "'{x}'", "'%d%%'", "'a\\\\b'", "'\"q\"'", "\"it's\"", "'\\xff\\x80'"]
BYTES = ["b''", "b'abc'", "b'\\x00\\xff'", "b'a b c'", "bytes(range(5))", "b'Hello'",
         "b'\\xe2\\x82\\xac'", "b'\\xc3('", "b'12'", "b'  x  '", "b'a,b'", "b'\\x80abc'"]
ENCODINGS = ["'utf-8'", "'ascii'", "'latin-1'", "'utf8'", "'UTF-8'", "'nosuch'", "'iso-8859-1'"]
ERRORS = ["'strict'", "'ignore'", "'replace'", "'backslashreplace'", "'xmlcharrefreplace'",
          "'surrogateescape'", "'bogus'"]
EXC_TYPES = ['ValueError', 'TypeError', 'KeyError', 'IndexError', 'ZeroDivisionError',
             'RuntimeError', 'AttributeError', 'LookupError', 'ArithmeticError', 'OverflowError',
             'StopIteration', 'NotImplementedError', 'AssertionError', 'UnicodeError']

# Method tables: "name(argkinds) result".  An argkind ending in ? may be left
# out (then so are the ones after it); `k=kind` is a keyword argument.
STR_API = '''
split(str?,sint?) list
rsplit(str?,sint?) list
splitlines(bool?) list
join(strlist) str
replace(str,str,sint?) str
find(str,idx?,idx?) int
rfind(str,idx?,idx?) int
index(str,idx?,idx?) int
rindex(str,idx?) int
count(str,idx?,idx?) int
startswith(strs,idx?,idx?) bool
endswith(strs,idx?) bool
strip(str?) str
lstrip(str?) str
rstrip(str?) str
upper() str
lower() str
title() str
capitalize() str
swapcase() str
casefold() str
center(sint,chr?) str
ljust(sint,chr?) str
rjust(sint,chr?) str
zfill(sint) str
partition(str) tuple
rpartition(str) tuple
expandtabs(sint?) str
isdigit() bool
isalpha() bool
isalnum() bool
isspace() bool
isupper() bool
islower() bool
istitle() bool
isidentifier() bool
isdecimal() bool
isnumeric() bool
isprintable() bool
isascii() bool
encode(enc?,errs?) bytes
format(any?,any?) str
removeprefix(str) str
removesuffix(str) str
__contains__(str) bool
__getitem__(idx) str
__mul__(sint) str
__mod__(any) str
translate(transtab) str
'''
BYTES_API = '''
split(bytes?,sint?) list
rsplit(bytes?) list
join(byteslist) bytes
replace(bytes,bytes,sint?) bytes
find(bytesint,idx?,idx?) int
rfind(bytesint) int
index(bytesint,idx?) int
count(bytesint) int
startswith(bytes,idx?) bool
endswith(bytes) bool
strip(bytes?) bytes
lstrip(bytes?) bytes
rstrip(bytes?) bytes
upper() bytes
lower() bytes
title() bytes
capitalize() bytes
swapcase() bytes
center(sint,byte1?) bytes
ljust(sint,byte1?) bytes
zfill(sint) bytes
partition(bytes) tuple
hex(sepb?,sint?) str
decode(enc?,errs?) str
isdigit() bool
isalpha() bool
isspace() bool
removeprefix(bytes) bytes
splitlines(bool?) list
expandtabs(sint?) bytes
__getitem__(idx) int
__contains__(bytesint) bool
__mod__(any) bytes
'''
BYTEARRAY_API = BYTES_API + '''
append(int) none
extend(any) none
pop(idx?) int
insert(idx,int) none
remove(int) none
reverse() none
clear() none
copy() bytearray
__setitem__(idx,int) none
__delitem__(idx) none
__iadd__(bytes) bytearray
'''
INT_API = '''
bit_length() int
bit_count() int
to_bytes(sint?,order?,signed=bool?) bytes
as_integer_ratio() tuple
conjugate() int
__index__() int
__round__(idx?) int
__format__(fmtspec) str
__pow__(sint,any?) int
__truediv__(any) float
__floordiv__(any) int
__mod__(any) int
__divmod__(any) tuple
__lshift__(sint) int
__rshift__(sint) int
__and__(any) int
__xor__(any) int
__neg__() int
__invert__() int
__abs__() int
__bool__() bool
__eq__(any) bool
__lt__(any) bool
is_integer() bool
'''
FLOAT_API = '''
is_integer() bool
as_integer_ratio() tuple
hex() str
conjugate() float
__round__(idx?) any
__trunc__() int
__floor__() int
__ceil__() int
__format__(fmtspec) str
__mod__(any) float
__divmod__(any) tuple
__pow__(any) float
__floordiv__(any) float
__rtruediv__(any) float
__eq__(any) bool
__abs__() float
__int__() int
'''
LIST_API = '''
append(any) none
extend(any) none
insert(idx,any) none
pop(idx?) any
remove(any) none
index(any,idx?,idx?) int
count(any) int
sort(key=keyfunc?,reverse=bool?) none
reverse() none
copy() list
clear() none
__getitem__(idx) any
__setitem__(idx,any) none
__delitem__(idx) none
__contains__(any) bool
__iadd__(any) list
__imul__(sint) list
__mul__(sint) list
__add__(any) list
__eq__(any) bool
__lt__(any) bool
__len__() int
__reversed__() iter
'''
TUPLE_API = '''
index(any,idx?) int
count(any) int
__getitem__(idx) any
__contains__(any) bool
__add__(any) tuple
__mul__(sint) tuple
__lt__(any) bool
__len__() int
'''
DICT_API = '''
get(any,any?) any
setdefault(any,any?) any
pop(any,any?) any
popitem() tuple
update(any) none
keys() keys
values() iter
items() keys
copy() dict
clear() none
fromkeys(any,any?) dict
__getitem__(any) any
__setitem__(any,any) none
__delitem__(any) none
__contains__(any) bool
__or__(any) dict
__ior__(any) dict
__eq__(any) bool
__len__() int
__reversed__() iter
'''
SET_API = '''
add(any) none
discard(any) none
remove(any) none
pop() any
union(any?,any?) set
intersection(any?) set
difference(any?) set
symmetric_difference(any) set
issubset(any) bool
issuperset(any) bool
isdisjoint(any) bool
update(any?) none
intersection_update(any) none
difference_update(any) none
symmetric_difference_update(any) none
copy() set
clear() none
__contains__(any) bool
__or__(any) set
__and__(any) set
__sub__(any) set
__xor__(any) set
__le__(any) bool
__lt__(any) bool
__eq__(any) bool
__ior__(any) set
__len__() int
'''
FROZENSET_API = '''
union(any?) frozenset
intersection(any?) frozenset
difference(any?) frozenset
issubset(any) bool
isdisjoint(any) bool
copy() frozenset
__contains__(any) bool
__or__(any) frozenset
__hash__() int
__len__() int
'''
RANGE_API = '''
index(any) int
count(any) int
__getitem__(idx) any
__contains__(any) bool
__len__() int
__reversed__() iter
__eq__(any) bool
'''
COMPLEX_API = '''
conjugate() complex
__abs__() float
__add__(any) complex
__mul__(any) complex
__truediv__(any) complex
__pow__(sint) complex
__eq__(any) bool
__format__(fmtspec) str
__bool__() bool
__neg__() complex
'''


def parse_api(text):
    out = []
    for line in filter(None, map(str.strip, text.splitlines())):
        m = re.match(r'(\w+)\((.*)\) (\w+)$', line.strip())
        if not m:
            raise ValueError(f'bad API line: {line!r}')
        args = [a for a in m.group(2).split(',') if a]
        out.append((m.group(1), args, m.group(3)))
    return out


APIS = {k: parse_api(v) for k, v in {
    'str': STR_API, 'bytes': BYTES_API, 'bytearray': BYTEARRAY_API, 'int': INT_API,
    'float': FLOAT_API, 'list': LIST_API, 'tuple': TUPLE_API, 'dict': DICT_API,
    'set': SET_API, 'frozenset': FROZENSET_API, 'range': RANGE_API,
    'complex': COMPLEX_API}.items()}

# Builtin functions: name(argkinds) result.
BUILTINS_API = parse_api('''
len(any) int
abs(num) num
round(num,idx?) num
divmod(num,num) tuple
pow(num,sint,num?) num
min(iterable,key=keyfunc?) any
max(any,any,any?) any
sum(iterable,any?) any
sorted(iterable,key=keyfunc?,reverse=bool?) list
reversed(any) iter
enumerate(iterable,idx?) iter
zip(iterable,iterable?,strict=bool?) iter
map(func1,iterable) iter
filter(pred,iterable) iter
any(iterable) bool
all(iterable) bool
int(any,base?) int
float(any) float
complex(num?,num?) complex
str(any) str
repr(any) str
ascii(any) str
bool(any) bool
bytes(any?) bytes
bytearray(any?) bytearray
list(iterable?) list
tuple(iterable?) tuple
set(iterable?) set
frozenset(iterable?) frozenset
dict(any?) dict
chr(int) str
ord(any) int
hex(int) str
oct(int) str
bin(int) str
format(any,fmtspec?) str
isinstance(any,typespec) bool
issubclass(any,typespec) bool
hash(hashable) int
iter(any) iter
next(iter,any?) any
slice(idx?,idx?,idx?) any
range(sint,sint?,sint?) range
callable(any) bool
getattr(any,attrname,any?) any
hasattr(any,attrname) bool
type(any) any
''')


class Gen:
    """One program, deterministic in the seed."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.seed = seed
        self.count = 0
        self.vars = {}         # name -> kind
        self.classes = []      # names of generated classes
        self.funcs = []        # (name, positional count)
        self.insts = []        # names of instances of generated classes

    # -- helpers -----------------------------------------------------------------
    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def fresh(self, prefix='v'):
        self.count += 1
        return f'{prefix}{self.count}'

    def var_of(self, kinds):
        names = [n for n, k in self.vars.items() if k in kinds]
        return self.pick(names) if names else None

    # -- literals ----------------------------------------------------------------
    def lit(self, kind, depth=0):
        r = self.r
        if kind == 'int':
            return self.pick(INTS_BIG) if self.chance(0.15) else self.pick(INTS_SMALL)
        if kind == 'sint':
            return str(r.randint(-3, 12))
        if kind == 'float':
            return self.pick(FLOATS)
        if kind == 'hfloat':          # NaN hashes by address in 3.11: never in sets or tuples
            return self.pick([f for f in FLOATS if 'nan' not in f])
        if kind == 'complex':
            return self.pick(['1j', '(1+2j)', '(-0.5-1j)', 'complex(3, -0.0)', '(2+0j)', '0j',
                              "complex('1e300+1e300j')"])
        if kind == 'str':
            return self.pick(STRS)
        if kind == 'bytes':
            return self.pick(BYTES)
        if kind == 'bytearray':
            return f'bytearray({self.pick(BYTES)})'
        if kind == 'bool':
            return self.pick(['True', 'False'])
        if kind == 'none':
            return 'None'
        if kind == 'range':
            a = r.randint(-5, 10)
            return self.pick([f'range({r.randint(0, 9)})', f'range({a}, {a + r.randint(-3, 12)})',
                              f'range({a}, {r.randint(-10, 20)}, {self.pick([-3, -1, 2, 3, 5])})'])
        if depth > 2:
            return self.lit(self.pick(['int', 'str', 'float']), depth)
        n = r.randint(0, 4)
        if kind == 'list':
            return '[' + ', '.join(self.lit(self.scalar_kind(), depth + 1) for _ in range(n)) + ']'
        if kind == 'tuple':
            # No None (nor lists) inside tuples: CPython 3.11 hashes None by address, so
            # sets of such tuples iterate in an order that changes from run to run.
            items = [self.lit(self.pick(['int', 'str', 'hfloat', 'bool', 'bytes', 'tuple', 'complex']),
                              depth + 1) for _ in range(n)]
            return '(' + ', '.join(items) + (',' if n == 1 else '') + ')'
        if kind in ('set', 'frozenset'):
            items = ', '.join(self.lit(self.pick(['int', 'str', 'hfloat', 'tuple']), depth + 1)
                              for _ in range(n))
            if kind == 'frozenset':
                return f'frozenset({{{items}}})' if n else 'frozenset()'
            return '{' + items + '}' if n else 'set()'
        if kind == 'dict':
            return '{' + ', '.join(f'{self.lit(self.pick(["int", "str", "tuple", "float"]), depth + 1)}: '
                                   f'{self.lit(self.scalar_kind(), depth + 1)}' for _ in range(n)) + '}'
        return self.lit(self.scalar_kind(), depth)

    def scalar_kind(self):
        return self.pick(['int', 'int', 'str', 'str', 'float', 'bool', 'none', 'bytes', 'tuple',
                          'list', 'complex'])

    def any_kind(self):
        return self.pick(['int', 'str', 'float', 'bytes', 'list', 'tuple', 'dict', 'set', 'bool',
                          'none', 'range', 'frozenset', 'bytearray', 'complex'])

    # -- expressions -------------------------------------------------------------
    def atom(self, kind):
        if kind in ('any', 'num', 'iterable', 'hashable'):
            kind = {'any': self.any_kind(), 'num': self.pick(['int', 'int', 'float', 'bool', 'complex']),
                    'iterable': self.pick(['list', 'str', 'tuple', 'range', 'dict', 'set', 'bytes']),
                    'hashable': self.pick(['int', 'str', 'hfloat', 'tuple', 'bytes', 'frozenset'])}[kind]
            if kind == 'list' and self.insts and self.chance(0.3):
                return self.pick(self.insts)
        v = self.var_of({kind}) if self.chance(0.5) else None
        if v:
            return v
        if self.insts and self.chance(0.06):
            return self.pick(self.insts)
        return self.lit(kind)

    def patom(self, kind):
        """An atom that can take `.attr` after it."""
        a = self.atom(kind)
        return a if re.fullmatch(r'[A-Za-z_]\w*', a) else f'({a})'

    def arg(self, kind, depth):
        k = kind.rstrip('?')
        r = self.r
        if k in ('int', 'float', 'str', 'bytes', 'list', 'tuple', 'dict', 'set', 'bool', 'any', 'num',
                 'iterable', 'hashable', 'complex', 'bytearray', 'frozenset', 'range'):
            if self.chance(0.1):
                return self.atom('any')         # the wrong type, now and then
            return self.expr(k, depth + 1) if self.chance(0.35) else self.atom(k)
        if k == 'sint':
            return str(r.randint(-2, 12)) if self.chance(0.9) else self.pick(['-1', '2**63', '1.5', "'3'"])
        if k == 'idx':
            return self.pick(['0', '1', '2', '-1', '-2', '3', '5', '10', '-10', 'None', '2**63',
                              '-2**64', 'True', '1.0', '100'])
        if k == 'chr':
            return self.pick(["'*'", "'-'", "' '", "'ab'", "''", "'é'", '5'])
        if k == 'byte1':
            return self.pick(["b'*'", "b'-'", "b'ab'", "'x'"])
        if k == 'strs':
            return self.pick(["('a', 'b')", "'a'", "''", "('x',)", '()', "'ab'", "['a']"])
        if k == 'strlist':
            return self.pick(["['a', 'b', 'c']", "[]", "('x',)", "'xyz'", "['a', 1]", "map(str, range(4))",
                              "(s for s in 'pq')", "[b'a']"])
        if k == 'byteslist':
            return self.pick(["[b'a', b'b']", "[]", "[b'x', bytearray(b'y')]", "['a']", "(b'q',)"])
        if k == 'bytesint':
            return self.pick(["b'a'", "b''", "97", "256", "b'bc'", "-1", "'a'"])
        if k == 'sepb':
            return self.pick(["':'", "b'-'", "' '", "''", "'ab'"])
        if k == 'order':
            return self.pick(["'big'", "'little'", "'middle'"])
        if k == 'enc':
            return self.pick(ENCODINGS)
        if k == 'errs':
            return self.pick(ERRORS)
        if k == 'base':
            return self.pick(['0', '2', '8', '10', '16', '36', '37', '1', '-1'])
        if k == 'fmtspec':
            return repr(self.fmtspec())
        if k == 'typespec':
            return self.pick(['int', 'str', '(int, float)', 'object', 'list', '(list, (tuple, dict))',
                              'bool', 'type', 'Exception', '()', '5'] + self.classes)
        if k == 'attrname':
            return self.pick(["'real'", "'x'", "'__len__'", "'append'", "'v'", "'__class__'",
                              "'upper'", "'imag'", "'__name__'", "5"])
        if k in ('keyfunc', 'func1'):
            return self.pick(['str', 'len', 'abs', 'repr', 'None', 'lambda x: -x', 'lambda x: str(x)',
                              'lambda x: (type(x).__name__, str(x))', 'int', 'bool', 'hash',
                              'lambda x: x[0]', 'lambda x: 1 / 0', 'str.lower', 'lambda x: x'])
        if k == 'pred':
            return self.pick(['None', 'bool', 'lambda x: x', 'lambda x: not x', 'str.isdigit',
                              'lambda x: x > 1', 'callable'])
        if k == 'iter':
            return self.pick([f'iter({self.atom("iterable")})', f'reversed({self.atom("list")})',
                              f'map(str, {self.atom("iterable")})'])
        if k == 'transtab':
            return self.pick(["{97: 'A', 98: None}", "str.maketrans('abc', 'xyz')", "{ord('b'): 'bb'}",
                              "{}", "str.maketrans({'a': 1})", "[]"])
        return self.atom('any')

    def call_args(self, argkinds, depth):
        out = []
        for k in argkinds:
            kw = None
            if '=' in k:
                kw, k = k.split('=')
            if k.endswith('?') and self.chance(0.45):
                if kw:
                    continue
                break
            a = self.arg(k, depth)
            out.append(f'{kw}={a}' if kw else a)
        return ', '.join(out)

    def method_call(self, depth):
        kind = self.pick(list(APIS))
        recv = self.atom(kind) if self.chance(0.8) else self.expr(kind, depth + 1)
        name, args, res = self.pick(APIS[kind])
        if self.chance(0.04):
            name = self.pick(['bogus', 'appendd', 'lenght', 'uper', 'keys'])   # AttributeError
        recv = recv if re.fullmatch(r'[A-Za-z_]\w*', recv) else f'({recv})'
        return f'{recv}.{name}({self.call_args(args, depth)})'

    def builtin_call(self, depth):
        name, args, res = self.pick(BUILTINS_API)
        return f'{name}({self.call_args(args, depth)})'

    def fmtspec(self):
        r = self.r
        s = ''
        if self.chance(0.3):
            s += self.pick(['', '*', '0', 'x', ' ']) + self.pick('<>^=')
        elif self.chance(0.3):
            s += self.pick('<>^=')
        if self.chance(0.3):
            s += self.pick('+- ')
        if self.chance(0.1):
            s += 'z'
        if self.chance(0.15):
            s += '#'
        if self.chance(0.15):
            s += '0'
        if self.chance(0.5):
            s += str(r.randint(0, 20))
        if self.chance(0.2):
            s += self.pick([',', '_'])
        if self.chance(0.4):
            s += '.' + str(self.pick([0, 1, 2, 3, 6, 10, 17, 25]))
        if self.chance(0.7):
            s += self.pick('bcdeEfFgGnosxX%')
        return s

    def fstring(self, depth):
        parts = []
        for _ in range(self.r.randint(1, 3)):
            # 3.11's f-strings take no quotes of their own kind and no backslash
            e = self.var_of({'int', 'float', 'str', 'bool', 'none', 'complex', 'list', 'tuple'})
            e = e or self.pick(INTS_SMALL[:-3] + ['1.5', '-0.0', '2.675', '1e100', 'True', 'None'])
            conv = self.pick(['', '', '', '!r', '!s', '!a'])
            spec = ':' + self.fmtspec() if self.chance(0.6) else ''
            if self.chance(0.1):
                spec = ':{' + self.pick(['5', '3', 'True']) + '}'
            parts.append('{' + e + conv + spec + '}')
            if self.chance(0.5):
                parts.append(self.pick(['-', ' x ', '|', '{{', '}}', '']))
        return "f'" + ''.join(parts) + "'"

    def percent_format(self, depth):
        specs = []
        args = []
        for _ in range(self.r.randint(1, 3)):
            conv = self.pick('sdrifFeExXocgGa%')
            flags = self.pick(['', '', '-', '+', ' ', '#', '0', '-0'])
            width = self.pick(['', '', '5', '12', '*', '0'])
            prec = self.pick(['', '', '.2', '.0', '.10', '.*'])
            specs.append('%' + flags + width + prec + conv)
            if conv != '%':
                if width == '*':
                    args.append(self.pick(['4', '-6', "'x'"]))
                if prec == '.*':
                    args.append(self.pick(['3', '0']))
                args.append(self.atom(self.pick(['int', 'float', 'str', 'any'])))
        fmt = repr(' '.join(specs))
        if self.chance(0.1):
            return f"'%(a)s %(b)r' % {{'a': {self.atom('any')}, 'b': {self.atom('any')}}}"
        if self.chance(0.1):
            return f"b{fmt} % ({', '.join(args)}{',' if len(args) == 1 else ''})"
        if len(args) == 1 and self.chance(0.5):
            return f'{fmt} % {args[0]}'
        return f"{fmt} % ({', '.join(args)}{',' if len(args) == 1 else ''})"

    def str_format(self, depth):
        fields = []
        args = []
        for i in range(self.r.randint(1, 3)):
            spec = ':' + self.fmtspec() if self.chance(0.6) else ''
            conv = self.pick(['', '', '!r', '!s'])
            fields.append('{' + self.pick(['', str(i), '0']) + conv + spec + '}')
            args.append(self.atom(self.pick(['int', 'float', 'str', 'any'])))
        return f"{' '.join(fields)!r}.format({', '.join(args)})"

    def comprehension(self, depth):
        x = self.pick(['x', 'y', 'k'])
        src = self.atom('iterable')
        elt = self.pick([x, f'{x} * 2', f'str({x})', f'({x}, {x})', f'type({x}).__name__', f'[{x}]',
                         f'{x} if {x} else 0', f'-{x}', f'len({x})'])
        cond = self.pick(['', '', f' if {x}', f' if not {x}', f' if {x} != 1', f' if str({x})'])
        more = self.pick(['', '', f' for z in range(2)', f' for z in {x} if z'])
        form = self.pick(['[{0}]', '{{{0}}}', '({0})', 'list({0})', 'sorted(({0}), key=repr)'])
        if self.chance(0.2):
            return f'{{{x}: {elt} for {x} in {src}{cond}}}'
        return form.format(f'{elt} for {x} in {src}{cond}{more}')

    def expr(self, kind='any', depth=0):
        r = self.r
        if depth > 3:
            return self.atom(kind)
        c = r.random()
        if c < 0.22:
            op = self.pick(['+', '-', '*', '/', '//', '%', '**', '&', '|', '^', '<<', '>>', '@',
                            '==', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'is', 'and', 'or'])
            a = self.expr(kind, depth + 1) if self.chance(0.3) else self.atom(kind)
            if op in ('*', '**', '<<') or (op in ('%', '//') and self.chance(0.5)):
                b = self.arg('sint', depth)
                if op == '*' and self.chance(0.4):
                    b = self.atom(self.pick(['float', 'bool', 'complex', 'list', 'str']))
                    if b.startswith('[') or b.startswith("'") or kind in ('str', 'list', 'tuple', 'bytes'):
                        b = self.arg('sint', depth)
                        a, b = (b, a) if self.chance(0.3) else (a, b)
            else:
                b = self.atom(kind if self.chance(0.6) else 'any')
            if op == 'is':
                b = self.pick(['None', 'True', 'False'])
            return f'({a} {op} {b})'
        if c < 0.3:
            op = self.pick(['-', '+', '~', 'not '])
            return f'({op}{self.atom(kind)})'
        if c < 0.48:
            return self.method_call(depth)
        if c < 0.63:
            return self.builtin_call(depth)
        if c < 0.7:
            a = self.atom(self.pick(['str', 'list', 'tuple', 'bytes', 'range', 'dict', 'bytearray']))
            if self.chance(0.5):
                return f'{a}[{self.arg("idx", depth)}]'
            parts = [self.pick(['', '1', '-1', '2', 'None', '-3', '10', '2**70'])
                     for _ in range(self.r.randint(2, 3))]
            if len(parts) == 3 and parts[2] in ('', 'None') and self.chance(0.5):
                parts[2] = self.pick(['-1', '2', '0', '-2'])
            return f'{a}[{":".join(parts)}]'
        if c < 0.76:
            return self.fstring(depth)
        if c < 0.8:
            return self.percent_format(depth)
        if c < 0.83:
            return self.str_format(depth)
        if c < 0.89:
            return self.comprehension(depth)
        if c < 0.92:
            return f'({self.atom(kind)} if {self.atom("any")} else {self.atom(kind)})'
        if c < 0.95:
            ops = [self.pick(['<', '<=', '==', '!=', '>', 'in', 'is not']) for _ in range(2)]
            xs = [self.atom(kind) for _ in range(3)]
            return f'({xs[0]} {ops[0]} {xs[1]} {ops[1]} {xs[2]})'
        if c < 0.97 and self.funcs:
            name, npos = self.pick(self.funcs)
            n = max(0, npos + self.pick([0, 0, 0, -1, 1]))
            return f'{name}({", ".join(self.atom("any") for _ in range(n))})'
        return self.lit(kind if kind not in ('any', 'num', 'iterable', 'hashable') else self.any_kind())

    # -- statements ---------------------------------------------------------------
    def guarded(self, body, handler=None):
        """Lines of `try: body / except Exception as e: exc(e)`."""
        out = ['try:'] + ['    ' + line for line in body] + ['except Exception as e:']
        out += ['    ' + line for line in (handler or ['exc(e)'])]
        return out

    def s_show(self):
        return self.guarded([f'show({self.expr(self.any_kind())})'])

    def s_show_many(self):
        return [line for _ in range(self.r.randint(2, 5)) for line in self.s_show()]

    def s_assign(self):
        kind = self.any_kind()
        name = self.fresh()
        self.vars[name] = kind
        e = self.expr(kind) if self.chance(0.5) else self.lit(kind)
        return self.guarded([f'{name} = {e}'], [f'{name} = {self.lit(kind)}', 'exc(e)'])

    def s_mutate(self):
        kinds = ['list', 'dict', 'set', 'bytearray']
        name = self.var_of(set(kinds))
        if not name:
            return self.s_assign()
        kind = self.vars[name]
        mname, args, res = self.pick([m for m in APIS[kind] if res_mutates(m)])
        return self.guarded([f'{name}.{mname}({self.call_args(args, 1)})', f'show({name})'])

    def s_augassign(self):
        name = self.var_of({'int', 'str', 'list', 'float', 'set', 'dict', 'tuple', 'bytes', 'bytearray'})
        if not name:
            return self.s_assign()
        op = self.pick(['+=', '-=', '*=', '|=', '&=', '//=', '%=', '<<=', '^=', '**=', '/='])
        rhs = self.arg('sint', 1) if op in ('*=', '<<=', '**=') else self.atom(self.vars[name])
        return self.guarded([f'{name} {op} {rhs}', f'show({name})'])

    def s_subscript_store(self):
        name = self.var_of({'list', 'dict', 'bytearray'})
        if not name:
            return self.s_assign()
        kind = self.vars[name]
        if kind == 'dict':
            target = f'{name}[{self.atom("hashable")}]'
        elif self.chance(0.5):
            target = f'{name}[{self.arg("idx", 1)}]'
        else:
            target = f'{name}[{self.pick(["", "1", "-1"])}:{self.pick(["", "2", "-2", "5"])}' \
                     f'{self.pick(["", ":2", ":-1", ":0"])}]'
        stmt = self.pick([f'{target} = {self.atom("any")}', f'del {target}', f'{target} += {self.atom("any")}'])
        return self.guarded([stmt, f'show({name})'])

    def s_unpack(self):
        targets = self.pick(['a, b', 'a, *b', '*a, b', 'a, b, c', '(a, b), c', 'a, *b, c', '[a, b]'])
        src = self.atom(self.pick(['list', 'tuple', 'str', 'dict', 'range', 'set', 'bytes', 'int']))
        return self.guarded([f'{targets} = {src}', f'show({targets.replace("*", "")})'])

    def s_loop(self):
        x = self.fresh('i')
        acc = self.fresh('acc')
        body = [f'{acc} = []', f'for {x} in {self.atom("iterable")}:']
        inner = []
        for _ in range(self.r.randint(1, 3)):
            inner += self.pick([
                [f'{acc}.append({self.pick([x, f"repr({x})", f"type({x}).__name__"])})'],
                [f'if {x} {self.pick(["==", "!=", "is"])} {self.atom("any")}:', '    break'],
                [f'if not {x}:', '    continue'],
                [f'{acc}.append(len({acc}))'],
                [f'if len({acc}) > 20:', '    break'],
            ])
        body += ['    ' + line for line in inner]
        if self.chance(0.3):
            body += ['else:', f"    {acc}.append('else')"]
        if self.chance(0.3):
            n = self.r.randint(0, 6)
            body += [f'{x} = 0', f'while {x} < {n}:', f'    {x} += 1',
                     f'    if {x} == {self.r.randint(0, 7)}:', '        continue',
                     f'    {acc}.append({x})']
        body.append(f'show({acc})')
        return self.guarded(body)

    def s_function(self):
        name = self.fresh('f')
        params = self.pick([('a', 1), ('a, b', 2), ('a, b=2', 1), ('a, *args', 1), ('a, /, b', 2),
                            ('*, k', 0), ('a=None, **kw', 0), ('*args, **kw', 0), ('a, b=[], *c, d=3, **e', 1)])
        self.funcs.append((name, params[1]))
        body = self.pick([
            ['return a'], ['return (a, b)'], ['return args, kw'],
            ['b.append(a)', 'return b'], ['return k'], ['return a, kw'],
            ['return a, b, c, d, e'], [f'return {self.expr("any", 2)}'],
            ['if a:', f'    return {name}(*a[1:]) if isinstance(a, (list, tuple)) else a', 'return a'],
        ])
        lines = [f'def {name}({params[0]}):'] + ['    ' + line for line in body]
        calls = []
        for _ in range(self.r.randint(1, 3)):
            argv = [self.atom('any') for _ in range(self.r.randint(0, 3))]
            if self.chance(0.3):
                argv.append(self.pick(['a=1', 'b=2', 'k=3', 'z=4', '*[1, 2]', "**{'a': 1}", "**{'k': 5}",
                                       '*()', "**{'b': 1, 'c': 2}"]))
            calls += self.guarded([f'show({name}({", ".join(argv)}))'])
        return lines + calls

    def s_generator(self):
        g = self.fresh('g')
        lines = [f'def {g}(n):', '    try:']
        body = self.pick([
            ['for i in range(n):', '    x = yield i', '    if x is not None:', "        LOG.append(('sent', x))"],
            ['yield from range(n)', "x = yield 'mid'", 'LOG.append(x)'],
            ['for i in range(n):', '    try:', '        yield i', '    except ValueError as e:',
             "        LOG.append(('caught', str(e)))", '        yield -1'],
            ['yield n', 'yield from (c for c in str(n))', 'return n * 2'],
            ['yield 1', f'raise {self.pick(EXC_TYPES)}("in gen")'],
            ['yield 1', 'return (yield 2)'],
        ])
        lines += ['        ' + line for line in body]
        lines += ['        return "done"', '    finally:', "        LOG.append('fin')"]
        it = self.fresh('it')
        use = [f'{it} = {g}({self.pick(["3", "0", "1", "5", "-1"])})']
        for _ in range(self.r.randint(1, 4)):
            use.append(self.pick([
                f'show(next({it}))', f'show({it}.send({self.atom("any")}))', f'show(list({it}))',
                f'show({it}.throw(ValueError("boom")))', f'show({it}.close())',
                f'show(next({it}, "dflt"))', f'show([x for x in {it}])', f'show(sum(1 for _ in {it}))',
                f'show({it}.throw(KeyError))',
            ]))
        use.append('show(LOG)')
        if self.chance(0.5):
            sub = self.fresh('g')
            lines += [f'def {sub}():', f'    r = yield from {g}(2)', "    LOG.append(('r', r))",
                      '    yield r']
            use += [f'show(list({sub}()))']
        return lines + self.guarded(use, ['exc(e)', 'show(LOG)'])

    def s_try(self):
        f = self.fresh('t')
        def stmt():
            return self.pick([
                f'raise {self.pick(EXC_TYPES)}({self.pick(["", "1", repr("msg"), "1, 2"])})',
                "LOG.append('s')", f'LOG.append({self.expr("any", 2)})', 'return 1', 'x = 1 / 0',
                "x = {}['k']", 'x = [][0]', 'x = None.attr', "x = int('z')", 'pass',
                'raise', "raise KeyError('a') from None", 'raise ValueError(1) from TypeError(2)',
                f'x = {self.atom("any")} + {self.atom("any")}', 'assert x, "no x"', 'assert False',
            ])
        exc1 = self.pick(EXC_TYPES + ['Exception', '(KeyError, IndexError)', 'BaseException'])
        lines = [f'def {f}(x):', '    for _ in range(2):', '        try:']
        lines += ['            ' + stmt() for _ in range(self.r.randint(1, 2))]
        lines += [f'        except {exc1} as e:', "            LOG.append(('caught', type(e).__name__, str(e)))"]
        if self.chance(0.4):
            lines += ['            ' + stmt()]
        if self.chance(0.3):
            lines += ['        else:', "            LOG.append('else')"]
        if self.chance(0.7):
            lines += ['        finally:', "            LOG.append('finally')"]
            fin = self.pick(['', '', 'return 2', 'break', 'continue', "raise OSError('fin')"])
            if fin:
                lines += ['            ' + fin]
    # a cause/context report when it escapes
        lines += ["    return 'end'"]
        use = ['del LOG[:]', f'show({f}({self.atom("any")}))', 'show(LOG)']
        handler = ['exc(e)', 'show(LOG)', 'show(type(e.__cause__).__name__, type(e.__context__).__name__,'
                                          ' e.__suppress_context__)']
        return lines + self.guarded(use, handler)

    DUNDERS = {
        '__eq__': ('self, o', ['return isinstance(o, {C}) and self.v == o.v', 'return self.v == o']),
        '__lt__': ('self, o', ['return self.v < (o.v if isinstance(o, {C}) else o)',
                               'return NotImplemented']),
        '__hash__': ('self', ['return hash(self.v)', 'return 7', 'return -1']),
        '__repr__': ('self', ['return "{C}(%r)" % (self.v,)']),
        '__str__': ('self', ['return "s:" + str(self.v)']),
        '__len__': ('self', ['return len(self.v)', 'return 2']),
        '__bool__': ('self', ['return bool(self.v)']),
        '__iter__': ('self', ['return iter(self.v)', 'yield from [1, 2]']),
        '__getitem__': ('self, i', ['return self.v[i]', 'return i']),
        '__contains__': ('self, x', ['return x in self.v']),
        '__add__': ('self, o', ['return {C}(self.v + o)', 'return NotImplemented']),
        '__radd__': ('self, o', ['return {C}(o + self.v)']),
        '__mul__': ('self, o', ['return {C}(self.v * o)']),
        '__index__': ('self', ['return 3', 'return self.v']),
        '__int__': ('self', ['return 4']),
        '__float__': ('self', ['return 2.5']),
        '__format__': ('self, spec', ['return format(self.v, spec)', 'return "F" + spec']),
        '__call__': ('self, *a', ['return a', 'return self.v']),
        '__getattr__': ('self, name', ['raise AttributeError(name)', 'return name']),
        '__enter__': ('self', ['return self']),
        '__exit__': ('self, *a', ['LOG.append(a[0] and a[0].__name__)', 'return True']),
        '__neg__': ('self', ['return {C}(-self.v)']),
        '__setitem__': ('self, k, val', ['LOG.append((k, val))']),
        '__delitem__': ('self, k', ['LOG.append(("del", k))']),
        '__reversed__': ('self', ['return iter([3, 2, 1])']),
        '__round__': ('self, n=None', ['return (self.v, n)']),
        '__abs__': ('self', ['return 42']),
        '__bytes__': ('self', ["return b'B'"]),
        '__next__': ('self', ['raise StopIteration']),
        '__init_subclass__': ('cls, **kw', ['LOG.append(cls.__name__)']),
        '__setattr__': ('self, k, val', ['object.__setattr__(self, k, val)', 'LOG.append(k)']),
    }
    BAD = ['raise {E}("{C}.{M}")', 'return "wrong"', 'return None', 'return 2**70', 'return -1',
           'return 1.5', 'return NotImplemented', '{G}.clear()', '{G}.append(1); return {S}',
           'return {M}self{RECUR}']

    def s_class(self):
        C = self.fresh('C')
        base = self.pick(['', '', '', '(int)', '(str)', '(list)', '(dict)', '(Exception)', '(tuple)']
                         + ([f'({self.pick(self.classes)})'] if self.classes else []))
        glob = self.fresh('G')
        dunders = self.r.sample(list(self.DUNDERS), self.r.randint(2, 7))
        if '__repr__' not in dunders:
            dunders.append('__repr__')
        if '__eq__' not in dunders and '__hash__' not in dunders and base in ('', '(Exception)'):
            dunders.append('__hash__')
        lines = [f'{glob} = []', f'class {C}{base}:']
        if base in ('', '(Exception)') or (base.startswith('(C') and self.chance(0.5)):
            lines += ['    def __init__(self, v=0):', '        self.v = v']
        elif base in ('(int)', '(str)', '(tuple)'):
            lines += ['    @property', '    def v(self):', f'        return {base[1:-1]}(self)']
        else:
            lines += ['    @property', '    def v(self):', f'        return {base[1:-1]}(self)']
        if base == '(dict)' and self.chance(0.6):
            lines += ['    def __missing__(self, k):', '        return ("missing", k)']
        if self.chance(0.2):
            lines += ['    __slots__ = ()'] if base in ('(int)', '(str)', '(tuple)') else ['    count = 0']
        for d in dunders:
            params, goods = self.DUNDERS[d]
            if self.chance(0.3) and d not in ('__repr__', '__init_subclass__'):
                body = self.pick(self.BAD)
                recur = {'__eq__': ' == o', '__lt__': ' < o', '__hash__': '', '__len__': '',
                         '__repr__': '', '__str__': '', '__add__': ' + o', '__getitem__': '[i]',
                         '__contains__': ''}
                if '{M}self' in body:
                    if d not in recur or d in ('__repr__',):
                        body = 'return NotImplemented'
                    else:
                        fn = {'__hash__': 'hash(', '__len__': 'len(', '__str__': 'str(',
                              '__contains__': '1 in ('}.get(d, '')
                        body = f'return {fn}self{recur[d]}{")" if fn else ""}'
                body = body.format(E=self.pick(EXC_TYPES), C=C, M=d, G=glob, S=self.pick(['True', '0', 'self']))
                body_lines = body.split('; ')
            else:
                body_lines = [self.pick(goods).format(C=C)]
            if d == '__init_subclass__':
                lines += ['    @classmethod'] if self.chance(0.2) else []
            lines += [f'    def {d}({params}):'] + ['        ' + b for b in body_lines]
        self.classes.append(C)
        insts = []
        for _ in range(self.r.randint(1, 3)):
            name = self.fresh('o')
            val = self.lit(self.pick(['int', 'str', 'list', 'tuple', 'float', 'dict']))
            insts += self.guarded([f'{name} = {C}({val})'], [f'{name} = None', 'exc(e)'])
            self.insts.append(name)
            self.vars[name] = 'obj'
        use = []
        for _ in range(self.r.randint(3, 8)):
            o = self.pick(self.insts)
            o2 = self.pick(self.insts + [self.atom('any')])
            use += self.guarded([self.pick([
                f'show({o} == {o2}, {o} != {o2})', f'show({o} < {o2})', f'show({o} in [{o2}, 1])',
                f'show({o} in {{{o2}, 1}})', f'show({{{o}: 1}}[{o2}])', f'show(len({o}))',
                f'show(sorted([{o}, {o2}]))', f'show(str({o}), repr({o}))', f"show(f'{{{o}:>5}}')",
                f'show({o} + 1, 1 + {o})', f'show(-{o})', f'show(bool({o}))', f'show(list({o}))',
                f'show({o}[0])', f'show(hash({o}) == hash({o}))', f'show([1, 2, 3][{o}])',
                f'show(abs({o}), round({o}, 1))', f'show(int({o}), float({o}))', f'show({o}.x)',
                f'with {o} as w:\n        show(w)\n        raise KeyError(1)', f'{o}[1] = 2\n    del {o}[1]',
                f'show(set([{o}, {o2}, {o}]))', f'show({o} * 2)', f'show({o}(1, 2))',
                f'show(bytes({o}))', f'show(reversed({o}))', f'show({{{o}, {o2}}} == {{{o2}, {o}}})',
                f'show([{o}, {o2}].index({o2}), [{o}].count({o2}))', f'show({glob})',
                f'{glob}.extend([{o}, {o2}, {o}])\n    show({o2} in {glob}, {glob}.count({o}))',
                f'show(max({o}, {o2}), min([{o2}, {o}]))', f'show(isinstance({o}, {C}), type({o}).__name__)',
                f'class Sub{C}({C}, flag=1): pass' if '__init_subclass__' in dunders else f'show({o}.v)',
                f'show(dict.fromkeys([{o}, {o2}]))', f'show(divmod({o}, 2))', f'show({o} @ 2)',
                f'raise {C}(5)' if base == '(Exception)' else f'show({o} ** 2)',
            ])])
        use += ['show(LOG)']
        return lines + insts + use

    def s_exc_class(self):
        E = self.fresh('E')
        base = self.pick(EXC_TYPES + ['Exception'])
        lines = [f'class {E}({base}):']
        lines += self.pick([['    pass'], ['    def __str__(self):', "        return 'E!' + repr(self.args)"],
                            ['    def __init__(self, a, b=2):', '        super().__init__(a)', '        self.b = b']])
        arg = self.pick(['', '1', "'m'", '1, 2', '(1, 2)'])
        use = [f'raise {E}({arg})']
        handler = ['exc(e)', 'show(e.args, repr(e), isinstance(e, ' + base + '))']
        return lines + self.guarded(use, handler) + self.guarded([f'show(str({E}({arg})), {E}({arg}).args)'])

    def s_closure(self):
        f = self.fresh('mk')
        return [f'def {f}(n):', '    total = n', '    def add(k=1):', '        nonlocal total',
                '        total += k', '        return total', '    return add'] + \
            self.guarded([f'a = {f}({self.atom("num")})', f'show(a(), a({self.atom("any")}), a())'])

    def s_lambda_sort(self):
        lst = self.atom('list')
        key = self.arg('keyfunc', 1)
        return self.guarded([f'show(sorted({lst}, key={key}, reverse={self.pick(["True", "False"])}))'])

    def s_with(self):
        cm = self.fresh('CM')
        sup = self.pick(['True', 'False', 'None', "exc_type is KeyError"])
        lines = [f'class {cm}:', '    def __repr__(self): return "cm"',
                 '    def __enter__(self):', "        LOG.append('enter')", '        return 5',
                 '    def __exit__(self, exc_type, exc, tb):',
                 "        LOG.append(('exit', exc_type and exc_type.__name__))",
                 f'        return {sup}']
        body = [f'with {cm}() as a, {cm}() as b:', f'    LOG.append(a + b)',
                f'    {self.pick(["raise KeyError(1)", "x = 1 / 0", "pass", "LOG.append(0)"])}',
                'show(LOG)']
        return lines + self.guarded(['del LOG[:]'] + body, ['exc(e)', 'show(LOG)'])

    def s_threads(self):
        w = self.fresh('work')
        n = self.r.randint(2, 3)
        lines = ['import threading', f'R{w} = []', f'L{w} = threading.Lock()',
                 f'def {w}(k):', '    for i in range(' + str(self.r.randint(10, 200)) + '):',
                 f'        with L{w}:', f'            R{w}.append(k * i)']
        if self.chance(0.3):
            lines += ['    if k == 1:', "        raise ValueError('in thread')"]
        lines += [f'ts = [threading.Thread(target={w}, args=(k,)) for k in range({n})]',
                  'for t in ts: t.start()', 'for t in ts: t.join()',
                  f'show(len(R{w}), sum(R{w}), sorted(R{w})[-3:])']
        if self.chance(0.4):
            lines += ['import queue', 'q = queue.Queue()',
                      't = threading.Thread(target=lambda: [q.put(i * i) for i in range(5)])',
                      't.start()', 'show([q.get(timeout=5) for _ in range(5)])', 't.join()']
        return lines

    def s_numeric(self):
        a, b = self.atom('num'), self.atom('num')
        return self.guarded([self.pick([
            f'show({a} / {b}, {a} // {b}, {a} % {b})', f'show(divmod({a}, {b}))',
            f'show(round({a}), round({a}, {self.arg("idx", 1)}))', f'show({a} ** {self.arg("sint", 1)})',
            f'show(int({self.atom("str")}, {self.arg("base", 1)}))', f'show(float({self.atom("str")}))',
            f'show(int({self.atom("float")}))', f'show({a} == {b}, {a} < {b}, hash({a}) == hash({b}))',
            f'show(math.{self.pick(["floor", "ceil", "sqrt", "log", "exp", "fabs", "trunc", "isqrt", "gcd", "factorial", "isnan", "copysign", "fmod", "hypot", "atan2", "log2", "comb", "prod", "fsum", "isclose"])}({a}{", " + b if self.chance(0.5) else ""}))',
            f'show(pow({a}, {self.arg("sint", 1)}, {self.pick(["7", "0", "-3", "None"])}))',
            f'show(int.from_bytes({self.atom("bytes")}, {self.arg("order", 1)}, signed={self.pick(["True", "False"])}))',
            f'show(float.fromhex({self.pick(["0x1.8p1", "inf", "0x1p-1074", "zz", "-0x0p0"])!r}))',
            f'show(({a}).real, ({a}).imag)', f'show(complex({self.atom("str")}))',
        ])])

    def s_collections(self):
        return self.guarded([self.pick([
            f'show(collections.Counter({self.atom("iterable")}).most_common(2))',
            f'd = collections.defaultdict(list)\n    for x in {self.atom("iterable")}:\n        d[str(x)[:1]].append(x)\n    show(d)',
            f'd = collections.OrderedDict.fromkeys({self.atom("str")})\n    d.move_to_end({self.atom("str")})\n    show(d)',
            f'show(collections.deque({self.atom("iterable")}, maxlen={self.pick(["2", "None", "0"])}))',
            f'P = collections.namedtuple("P", "x y")\n    show(P(1, {self.atom("any")}), P._make([1, 2])._asdict())',
            f'show(list(itertools.{self.pick(["chain", "accumulate", "pairwise", "zip_longest", "product", "permutations", "combinations", "groupby", "starmap", "islice"])}'
            f'({self.atom("iterable")}{", " + self.arg("sint", 1) if self.chance(0.4) else ""})))',
            f'show(functools.reduce({self.pick(["operator.add", "operator.mul", "max", "lambda a, b: b"])}, {self.atom("iterable")}{", 0" if self.chance(0.5) else ""}))',
            f'show(sorted({self.atom("iterable")}, key=functools.cmp_to_key(lambda a, b: (a > b) - (a < b))))',
            f'h = list({self.atom("iterable")})\n    heapq.heapify(h)\n    show(heapq.heappop(h), h, heapq.nsmallest(2, h))',
            f'show(bisect.bisect({self.atom("list")}, {self.atom("any")}), bisect.insort({self.atom("list")}, 1))',
            f'show(operator.itemgetter({self.arg("idx", 1)})({self.atom("iterable")}), operator.attrgetter("real")({self.atom("num")}))',
        ])])

    def s_global(self):
        name = self.fresh('gv')
        fn = self.fresh('gf')
        return [f'{name} = {self.lit("int")}', f'def {fn}():', f'    global {name}', f'    {name} = {name} * 2',
                f'    return {name}'] + self.guarded([f'show({fn}(), {fn}(), {name})'])

    def s_walrus(self):
        return self.guarded([f'show([y for x in {self.atom("iterable")} if (y := {self.pick(["x", "str(x)", "not x"])})], y)'])

    def s_misc(self):
        return self.guarded([self.pick([
            f'show(getattr({self.atom("any")}, {self.arg("attrname", 1)}))',
            f'setattr({self.atom("any")}, "x", 1)',
            f'show(str.maketrans({self.atom("str")}, {self.atom("str")}))',
            f'show({self.atom("str")} * {self.arg("sint", 1)} + {self.atom("str")})',
            f'show(type({self.atom("any")})({self.atom("any")}))',
            f'show(vars({self.pick(self.insts) if self.insts else "1"}))',
            f'show([n for n in dir({self.atom("any")}) if not n.startswith("_")])',
            f'show(memo := {{}}, memo.setdefault({self.atom("hashable")}, []).append(1), memo)',
            f'show({self.patom("str")}.encode({self.arg("enc", 1)}, {self.arg("errs", 1)}))',
            f'show({self.patom("bytes")}.decode({self.arg("enc", 1)}, {self.arg("errs", 1)}))',
            f'show(sorted({self.patom("dict")}.items()))',
            f'show({self.patom("dict")}.keys() {self.pick(["&", "|", "-", "^"])} {self.atom("iterable")})',
            f'x = {self.atom("list")}\n    x.append(x)\n    show(x, x == x, len(str(x)))',
            f'x = {self.atom("dict")}\n    x["self"] = x\n    show(x)',
            f'show(eval({self.pick(["1 + 2", "[x for x in (1, 2)]", "1 +", "undefined_name", "lambda: 0"])!r}))',
            f'exec({self.pick(["y = 5", "def q(): return 4", "raise ValueError(9)", "1 +"])!r}, ns := {{}})\n    show(sorted(k for k in ns if k != "__builtins__"))',
            f'show(chr({self.pick(["0x10ffff", "0x110000", "-1", "55296", "65"])}).encode({self.arg("enc", 1)}))',
            f'show(ascii({self.atom("str")}), repr({self.atom("bytes")}))',
            f'show(list(zip({self.atom("iterable")}, {self.atom("iterable")}, strict=True)))',
            f'show(str({self.atom("bytes")}, {self.arg("enc", 1)}))',
            f'show(slice({self.arg("idx", 1)}, {self.arg("idx", 1)}).indices({self.arg("sint", 1)}))',
        ])])

    def s_final(self):
        """An unguarded last statement: an uncaught exception or sys.exit."""
        return [self.pick([
            f'show({self.expr(self.any_kind())})',
            f'raise {self.pick(EXC_TYPES)}({self.pick(["", "1", repr("last"), "1, 2"])})',
            f'sys.exit({self.pick(["0", "3", repr("bye"), "None", "2**70", "-1", "(1, 2)"])})',
            f'raise SystemExit({self.pick(["5", repr("x"), ""])})',
            f'{self.patom("any")}.{self.pick(["appendd", "splitt", "lenght", "real", "__len__"])}',
            f'undefined_{self.pick(["x", "show", "LOG"])}',
            f'{self.pick(self.funcs)[0] if self.funcs else "len"}()',
            'def f():\n    raise KeyError("inner")\ntry:\n    f()\nexcept KeyError as e:\n    raise ValueError("outer") from e',
            'try:\n    1 / 0\nexcept ZeroDivisionError:\n    [][1]',
        ])]

    def program(self):
        weights = [
            (self.s_show_many, 10), (self.s_assign, 10), (self.s_mutate, 5), (self.s_augassign, 4),
            (self.s_subscript_store, 3), (self.s_unpack, 3), (self.s_loop, 4), (self.s_function, 4),
            (self.s_generator, 4), (self.s_try, 5), (self.s_class, 6), (self.s_exc_class, 2),
            (self.s_closure, 1), (self.s_lambda_sort, 2), (self.s_with, 2), (self.s_threads, 1),
            (self.s_numeric, 4), (self.s_collections, 3), (self.s_global, 1), (self.s_walrus, 1),
            (self.s_misc, 5),
        ]
        fns = [f for f, w in weights for _ in range(w)]
        out = [f'# difffuzz seed {self.seed}', PRELUDE.rstrip('\n'),
               'import math, collections, itertools, functools, operator, heapq, bisect']
        for _ in range(self.r.randint(3, 6)):
            out += self.s_assign()
        for _ in range(self.r.randint(25, 45)):
            f = self.pick(fns)
            if f is self.s_threads and any('threading.Thread' in line for line in out):
                f = self.s_show
            out += f()
        if self.chance(0.35):
            out += self.s_final()
        return '\n'.join(out) + '\n'


def res_mutates(method):
    name, args, res = method
    return res == 'none' or name in ('pop', 'popitem', 'setdefault', '__iadd__', '__ior__', '__imul__')


def generate(seed):
    return Gen(seed).program()


# ==== the runner ================================================================

def real_python():
    """The real CPython 3.11 behind `python3` (not pyenv's slow shim), as tests/regen.py."""
    cands = []
    try:
        cands.append(subprocess.run(['python3', '-c', 'import sys; print(sys.executable)'],
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                    timeout=60).stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    cands.append('/usr/bin/python3.11')
    for exe in cands:
        if not exe or not os.access(exe, os.X_OK):
            continue
        ver = subprocess.run([exe, '-c', 'import sys; print(sys.version_info[:2])'],
                             stdout=subprocess.PIPE, text=True).stdout.strip()
        if ver == '(3, 11)':
            return exe
    sys.exit('difffuzz: no CPython 3.11 found (python3 or /usr/bin/python3.11)')


def child_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith(('PYTHON', 'GILPY'))}
    env.update(PYTHONHASHSEED='0', PYTHONDONTWRITEBYTECODE='1', LC_ALL='C.UTF-8')
    env.pop('LANG', None)
    return env


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEM_LIMIT, MEM_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


ADDRESS = re.compile(r'0x[0-9a-f]{6,}')


class Result:
    def __init__(self, rc, out, err):
        self.rc, self.out, self.err = rc, out, err

    def last_err(self):
        lines = self.err.rstrip('\n').split('\n')
        return lines[-1] if lines else ''


def run_one(interp, path, timeout=TIMEOUT):
    is_asan = 'asan' in interp[0]      # ASan reserves terabytes of address space
    for attempt in range(5):
        try:
            p = subprocess.run(interp + [path.name], cwd=path.parent, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(),
                               timeout=timeout, preexec_fn=None if is_asan else limit_memory,
                               start_new_session=True)
            rc, out, err = p.returncode, p.stdout, p.stderr
            break
        except subprocess.TimeoutExpired as e:
            rc, out, err = None, e.stdout or b'', e.stderr or b''
            break
        except OSError:             # the binary is being relinked: try again
            if attempt == 4:
                raise
            time.sleep(2)
    out = ADDRESS.sub('0x?', out.decode('utf-8', 'replace'))
    err = ADDRESS.sub('0x?', err.decode('utf-8', 'replace'))
    return Result(rc, out, err)


def compare(py, gp):
    """None when gilpy behaved as CPython, else (kind, detail, signature).  The
    signature is what the minimizer keeps: the kind and the two differing lines
    (not their number, which deleting lines changes)."""
    if gp.rc is None and py.rc is not None:
        return ('hang', 'gilpy timed out', 'hang')
    if py.rc is None:
        return None                              # CPython hung too: the program's fault
    if gp.rc < 0 or gp.rc in (134, 139) or 'Sanitizer' in gp.err or 'gilpy: fatal' in gp.err:
        if not (py.rc < 0):
            tail = gp.err.rstrip('\n').split('\n')[-3:]
            return ('crash', f'gilpy exit {gp.rc}: ' + ' | '.join(tail), f'crash {gp.rc}')
    if py.out != gp.out:
        a, b = py.out.split('\n'), gp.out.split('\n')
        i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        pl = a[i] if i < len(a) else '<end>'
        gl = b[i] if i < len(b) else '<end>'
        return ('stdout', f'line {i + 1}:\n  python: {pl[:300]}\n  gilpy:  {gl[:300]}', ('stdout', pl, gl))
    if py.rc != gp.rc:
        return ('exit', f'exit python {py.rc}, gilpy {gp.rc}; gilpy stderr: {gp.last_err()[:300]}',
                ('exit', py.rc, gp.rc))
    if py.rc != 0 and py.last_err() != gp.last_err():
        return ('stderr', f'uncaught:\n  python: {py.last_err()[:300]}\n  gilpy:  {gp.last_err()[:300]}',
                ('stderr', py.last_err(), gp.last_err()))
    return None


def allowlisted(diff, src):
    for name, reason, accepts in ALLOWLIST:
        if accepts(diff[2], src):
            return name
    return None


class Runner:
    def __init__(self, gilpy, python, workdir):
        self.gilpy = [str(pathlib.Path(gilpy).resolve())]
        self.python = [python, '-S']     # no site: 0.1 s less per program, same semantics
        self.workdir = pathlib.Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)

    def check_source(self, src, tag):
        d = pathlib.Path(tempfile.mkdtemp(prefix=f'{tag}-', dir=self.workdir))
        path = d / 'prog.py'
        path.write_text(src, encoding='utf-8')
        try:
            py = run_one(self.python, path)
            gp = run_one(self.gilpy, path)
            diff = compare(py, gp)
            if diff is not None and run_one(self.python, path).out != py.out:
                diff = ('flaky', 'CPython itself gives another output on a second run', 'flaky')
        finally:
            for f in d.iterdir():
                if f.is_file():
                    f.unlink()
            try:
                d.rmdir()
            except OSError:
                pass
        return diff, py, gp


# ==== the minimizer =============================================================

def compiles(src):
    try:
        compile(src, 'prog.py', 'exec')
        return True
    except (SyntaxError, ValueError):
        return False


def top_blocks(lines, lo=0):
    """(start, end) of each top-level statement (with its indented lines) from lo."""
    out, start = [], None
    for i in range(lo, len(lines)):
        line = lines[i]
        if line and not line[0].isspace() and not line.startswith(('except', 'else', 'finally', 'elif')):
            if start is not None:
                out.append((start, i))
            start = i
    if start is not None:
        out.append((start, len(lines)))
    return out


class _Budget(Exception):
    pass


def minimize(runner, src, sig, log=None, max_runs=None):
    """Delete lines of src while it compiles and still diverges the same way
    (same signature).  The generator's prelude (up to its `import math` line) is
    kept until the end, then its top-level definitions go if they can."""
    lines = src.split('\n')
    head = next((i + 1 for i, line in enumerate(lines) if line.startswith('import math, ')), 0)
    tries = 0

    def still(cand):
        nonlocal tries
        text = '\n'.join(cand)
        if not compiles(text):
            return False
        if max_runs is not None and tries >= max_runs:
            raise _Budget
        tries += 1
        d, _, _ = runner.check_source(text, 'min')
        return d is not None and d[2] == sig

    def drop_blocks(lo, chunk):
        nonlocal lines
        while True:
            bl = top_blocks(lines, lo)
            i, changed = 0, False
            while i < len(bl):
                a, b = bl[i][0], bl[min(i + chunk, len(bl)) - 1][1]
                cand = lines[:a] + lines[b:]
                if still(cand):
                    lines = cand
                    bl = top_blocks(lines, lo)
                    changed = True
                else:
                    i += chunk
            if chunk == 1 and not changed:
                return
            chunk = max(1, chunk // 2)

    try:
        # Top-level statements after the prelude, in halves, quarters... then one by one.
        drop_blocks(head, max(1, len(top_blocks(lines, head)) // 2))
        # Then single lines (inside function and class bodies, try blocks).
        changed = True
        while changed:
            changed = False
            for i in range(len(lines) - 1, head - 1, -1):
                cand = lines[:i] + lines[i + 1:]
                if still(cand):
                    lines = cand
                    changed = True
        # Last, whatever the prelude defines that the program does not need.
        drop_blocks(0, 1)
    except _Budget:
        if log:
            log(f'  (stopped after {max_runs} runs)')
    if log:
        log(f'  minimized in {tries} runs to {len(lines)} lines')
    return '\n'.join(lines).strip('\n') + '\n'


# ==== the driver ================================================================

def parse_seeds(text):
    a, _, b = text.partition(':')
    return int(a), int(b) if b else int(a) + 1


def fuzz(args, runner):
    start = time.monotonic()
    deadline = start + args.seconds if args.seconds else None
    lo, hi = parse_seeds(args.seeds)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    ran = 0
    found = []            # (seed, diff)
    allowed = {}
    flaky = []            # seeds whose program CPython runs differently twice: generator bugs
    seeds = iter(range(lo, hi))

    def job(seed):
        src = generate(seed)
        return seed, src, runner.check_source(src, f's{seed}')

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
        pending = set()
        while True:
            while len(pending) < args.j * 2 and (deadline is None or time.monotonic() < deadline):
                seed = next(seeds, None)
                if seed is None:
                    break
                pending.add(pool.submit(job, seed))
            if not pending:
                break
            done, pending = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for fut in done:
                seed, src, (diff, py, gp) = fut.result()
                ran += 1
                if diff is None:
                    continue
                if diff[0] == 'flaky':
                    flaky.append(seed)
                    continue
                name = allowlisted(diff, src)
                if name:
                    allowed[name] = allowed.get(name, 0) + 1
                    continue
                found.append((seed, diff))
                print(f'DIVERGENCE seed {seed} ({diff[0]}): {diff[1]}', flush=True)
                (out / f'seed{seed}.py').write_text(src, encoding='utf-8')
    elapsed = time.monotonic() - start
    print(f'difffuzz: {ran} programs (seeds {lo}..{lo + ran - 1}) in {elapsed:.0f}s, '
          f'{len(found)} divergences' + (f', allowlisted: {allowed}' if allowed else '')
          + (f', nondeterministic under CPython (not counted): seeds {flaky}' if flaky else ''), flush=True)
    if found and not args.no_minimize:
        # CI keeps its time: the first two, with a bounded number of runs each.
        for seed, diff in found[:2] if args.ci else found:
            src = (out / f'seed{seed}.py').read_text(encoding='utf-8')
            print(f'minimizing seed {seed} ({diff[0]})', flush=True)
            small = minimize(runner, src, diff[2], log=print, max_runs=150 if args.ci else None)
            (out / f'seed{seed}.min.py').write_text(small, encoding='utf-8')
            print(small, flush=True)
    return 1 if found else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--gilpy', default=str(REPO / 'build' / 'gilpy'))
    ap.add_argument('--python', help='CPython 3.11 (default: the real python3, else /usr/bin/python3.11)')
    ap.add_argument('--seeds', default='1:1000000000', help='A:B, seeds A..B-1 in order')
    ap.add_argument('--seconds', type=float, help='stop starting programs after N seconds')
    ap.add_argument('--minutes', type=float, help='the same in minutes (the long local mode)')
    ap.add_argument('-j', type=int, default=2, help='programs run at once (default 2)')
    ap.add_argument('--out', default=str(REPO / 'build' / 'difffuzz'), help='where divergences go')
    ap.add_argument('--no-minimize', action='store_true')
    ap.add_argument('--ci', action='store_true', help=f'seeds 1..{CI_SEEDS}, {CI_SECONDS} s')
    ap.add_argument('--show', type=int, metavar='SEED', help='print the program of SEED')
    ap.add_argument('--check', metavar='FILE', help='run FILE under both, print the difference')
    ap.add_argument('--minimize', metavar='FILE', help='shrink FILE while it diverges')
    ap.add_argument('--allowlist', action='store_true', help='print the allowlist and its reasons')
    args = ap.parse_args()

    if args.allowlist:
        for name, reason, _ in ALLOWLIST:
            print(f'{name}: {reason}')
        return 0

    if args.show is not None:
        sys.stdout.write(generate(args.show))
        return 0
    if args.minutes:
        args.seconds = args.minutes * 60
    if args.ci:
        args.seeds = f'1:{CI_SEEDS + 1}'
        args.seconds = args.seconds or CI_SECONDS
    if not os.access(args.gilpy, os.X_OK):
        print(f'difffuzz: {args.gilpy} is not an executable', file=sys.stderr)
        return 2
    runner = Runner(args.gilpy, args.python or real_python(), args.out)
    if args.check or args.minimize:
        src = pathlib.Path(args.check or args.minimize).read_text(encoding='utf-8')
        diff, py, gp = runner.check_source(src, 'check')
        if diff is None:
            print('no divergence')
            return 0
        print(f'{diff[0]}: {diff[1]}')
        if args.minimize:
            print(minimize(runner, src, diff[2], log=print), end='')
        return 1
    return fuzz(args, runner)


if __name__ == '__main__':
    sys.exit(main())
