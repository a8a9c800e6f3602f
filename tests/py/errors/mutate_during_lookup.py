# Containers mutated by the __eq__ (or __hash__, __index__, key function) that
# a lookup calls: the lookup re-checks the table after each call and restarts,
# raises RuntimeError, or goes on, exactly as CPython does; never a crash.
import collections


def attempt(label, f):
    try:
        print(label, 'ok', f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Clears:
    """Equal hash for all; __eq__ empties the container `target`."""
    target = None

    def __repr__(self):
        return 'Clears()'

    def __hash__(self):
        return 1

    def __eq__(self, other):
        Clears.target.clear()
        return False


def clears_in(container_factory):
    c = container_factory()
    Clears.target = c
    return c


# ---- set -------------------------------------------------------------------
s = clears_in(set)
s.add(Clears())
attempt('set.add', lambda: (s.add(Clears()), len(s))[1])
s = clears_in(set); s.add(Clears())
attempt('set in', lambda: (Clears() in s, len(s)))
s = clears_in(set); s.add(Clears())
attempt('set.discard', lambda: (s.discard(Clears()), len(s)))
s = clears_in(set); s.add(Clears())
attempt('set.remove', lambda: s.remove(Clears()))
for op in ('&', '|', '-', '^', '<=', '>=', '==', '!=', '<', '>'):
    s = clears_in(set); s.add(Clears()); s.add(5)
    attempt('set ' + op, lambda: eval('s %s {Clears(), 5, 6}' % op))
for meth in ('intersection_update', 'difference_update', 'symmetric_difference_update', 'update',
             'isdisjoint', 'issubset', 'issuperset', 'intersection', 'difference'):
    s = clears_in(set); s.add(Clears()); s.add(5)
    attempt('set.' + meth, lambda: (getattr(s, meth)({Clears(), 5}), len(s)))
f = frozenset([Clears(), 5])
Clears.target = set()
attempt('frozenset in', lambda: Clears() in f)


class Refills:
    """__eq__ empties the set and puts everything back (the first 100 times):
    a small set keeps its table, so the lookup goes on or restarts exactly as
    in CPython."""
    calls = 0

    def __hash__(self):
        return 7

    def __eq__(self, other):
        Refills.calls += 1
        if Refills.calls < 100:
            saved = list(S)
            S.clear()
            S.update(saved)
        return False


S = set()
for i in range(3):
    S.add(Refills())
    print('refilled set', len(S), Refills.calls)
print('refilled in', Refills() in S, Refills.calls)


class Grows:
    """__eq__ adds many elements: the table is rebuilt, the lookup restarts."""
    def __init__(self, limit):
        self.limit = limit

    def __hash__(self):
        return 3

    def __eq__(self, other):
        if len(G) < self.limit:
            G.update(range(100, 100 + self.limit))
        return False


G = set()
G.add(Grows(50))
G.add(Grows(50))
print('grown set', len(G))

# ---- dict ------------------------------------------------------------------
for label, op in (('d[k] = v', lambda d: d.__setitem__(Clears(), 2)),
                  ('d[k]', lambda d: d[Clears()]),
                  ('d.get', lambda d: d.get(Clears(), 'default')),
                  ('in', lambda d: Clears() in d),
                  ('d.pop', lambda d: d.pop(Clears(), 'default')),
                  ('d.setdefault', lambda d: d.setdefault(Clears(), 'new')),
                  ('del d[k]', lambda d: d.__delitem__(Clears())),
                  ('keys &', lambda d: d.keys() & {Clears()}),
                  ('items in', lambda d: (Clears(), 1) in d.items()),
                  ('keys ==', lambda d: d.keys() == {Clears()}),
                  ('|', lambda d: len(d | {Clears(): 3})),
                  ('update', lambda d: (d.update({Clears(): 3}), len(d))[1]),
                  ('fromkeys', lambda d: len(dict.fromkeys([Clears(), Clears()])))):
    d = clears_in(dict)
    d[Clears()] = 1
    attempt('dict ' + label, lambda: (op(d), len(d)))


class RefillsD:
    calls = 0

    def __hash__(self):
        return 7

    def __eq__(self, other):
        RefillsD.calls += 1
        if RefillsD.calls < 100:
            saved = dict(D)
            D.clear()
            D.update(saved)
        return False


D = {}
for i in range(3):
    D[RefillsD()] = i
    print('refilled dict', len(D), RefillsD.calls)
print('refilled dict in', RefillsD() in D, RefillsD.calls)


class GrowsD:
    def __hash__(self):
        return 3

    def __eq__(self, other):
        if len(GD) < 40:
            GD.update(dict.fromkeys(range(100, 140)))
        return False


GD = {}
GD[GrowsD()] = 1
GD[GrowsD()] = 2
print('grown dict', len(GD))


class MutatesSource:
    """A key of the source of update() whose __eq__ changes the source."""
    armed = False

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 5

    def __eq__(self, other):
        if MutatesSource.armed:
            MutatesSource.armed = False
            change_source()
        return False


def source_test(label, change, run):
    global src, change_source
    MutatesSource.armed = False
    src = {MutatesSource(1): 1, MutatesSource(2): 2, 'x': 3}
    change_source = change
    MutatesSource.armed = True
    attempt(label, lambda: (run(), len(src)))


source_test('update, source grows', lambda: src.__setitem__(99, 0), lambda: {MutatesSource(0): 0}.update(src))
source_test('update, source cleared', lambda: src.clear(), lambda: {MutatesSource(0): 0}.update(src))
source_test('update, value replaced', lambda: src.__setitem__('x', 4), lambda: {MutatesSource(0): 0}.update(src))
source_test('update, key deleted', lambda: src.pop('x'), lambda: {MutatesSource(0): 0}.update(src))
source_test('|, source grows', lambda: src.__setitem__(99, 0), lambda: {MutatesSource(0): 0} | src)
source_test('|=, source grows', lambda: src.__setitem__(99, 0), lambda: {MutatesSource(0): 0}.__ior__(src))
source_test('dict(d, **src)', lambda: src.__setitem__(99, 0), lambda: dict({MutatesSource(0): 0}, **{'a': 1}).update(src))
source_test('copy, no comparison', lambda: src.__setitem__(99, 0), lambda: len(src.copy()))
source_test('dict(src), no comparison', lambda: src.__setitem__(99, 0), lambda: len(dict(src)))
source_test('empty update, no comparison', lambda: src.__setitem__(99, 0), lambda: len({}.update(src) or src))


class ClearsValues:
    def __eq__(self, other):
        A.clear()
        B.clear()
        return True


A = {1: ClearsValues(), 2: ClearsValues(), 3: 3}
B = {1: ClearsValues(), 2: ClearsValues(), 3: 3}
attempt('dict == cleared', lambda: A == B)
A = {1: ClearsValues(), 2: 2}
B = {1: ClearsValues(), 2: 2}
attempt('values == cleared', lambda: list(A.values()) == list(B.values()))

d = {1: 1, 2: 2}
attempt('dict iteration add', lambda: [d.__setitem__(k + 10, 0) for k in d])
d = {1: 1, 2: 2}
attempt('dict iteration replace', lambda: [(d.pop(k), d.__setitem__(k + 10, 0)) for k in d])
d = {1: 1, 2: 2}
attempt('dict values iteration', lambda: [d.pop(1) for v in d.values()])
d = {1: 1, 2: 2}
attempt('dict items iteration', lambda: [d.clear() for v in d.items()])
s = {1, 2}
attempt('set iteration', lambda: [s.add(k + 10) for k in s])
s = {1, 2}
attempt('set iteration same size', lambda: [(s.discard(k), s.add(k + 10)) for k in s])

# ---- list ------------------------------------------------------------------
for label, op in (('index', lambda l: l.index(Clears())),
                  ('count', lambda l: l.count(Clears())),
                  ('remove', lambda l: l.remove(Clears())),
                  ('in', lambda l: Clears() in l),
                  ('==', lambda l: l == [Clears(), Clears(), Clears()]),
                  ('reversed ==', lambda l: [Clears(), Clears(), Clears()] == l),
                  ('<', lambda l: l < [Clears(), Clears(), Clears()]),
                  ('tuple ==', lambda l: tuple(l) == (Clears(), Clears(), Clears()))):
    l = clears_in(list)
    l.extend([Clears(), Clears(), Clears()])
    attempt('list ' + label, lambda: (op(l) if label != 'index' else op(l) is None, len(l)))


class Appends:
    def __eq__(self, other):
        if len(L) < 10:
            L.append(Appends())
        return False


L = [Appends(), Appends()]
attempt('list count while appending', lambda: (L.count(1), len(L)))
L = [Appends(), Appends()]
attempt('list in while appending', lambda: (1 in L, len(L)))


class Cmp:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v


def sort_with(mutate):
    global SL
    SL = [Cmp(i) for i in (3, 1, 2, 5, 4)]
    def key(x):
        mutate()
        return x
    try:
        SL.sort(key=key)
        print('sort', [c.v for c in SL])
    except ValueError as e:
        print('sort', type(e).__name__, e, len(SL))


sort_with(lambda: SL.append(Cmp(0)))
sort_with(lambda: SL.clear())
sort_with(lambda: None)


class MutLt(Cmp):
    def __lt__(self, other):
        SL.append(Cmp(9))
        return self.v < other.v


SL = [MutLt(i) for i in (3, 1, 2)]
attempt('sort __lt__ appends', lambda: SL.sort())
print(len(SL))


class ClearLt(Cmp):
    def __lt__(self, other):
        SL.clear()
        return self.v < other.v


SL = [ClearLt(i) for i in (3, 1, 2)]
attempt('sort __lt__ clears', lambda: SL.sort())
print([c.v for c in SL])
ML = [3, 2, 1]
attempt('min key clears', lambda: min(ML, key=lambda x: (ML.clear(), x)[1]))
ML = [3, 2, 1]
attempt('max key appends', lambda: max(ML, key=lambda x: (len(ML) < 6 and ML.append(0), x)[1]))
ML = [3, 2, 1]
attempt('sorted key clears', lambda: sorted(ML, key=lambda x: (ML.clear(), x)[1]))


class Index:
    """An __index__ that empties the sequence it indexes."""
    def __init__(self, seq, v):
        self.seq, self.v = seq, v

    def __index__(self):
        self.seq.clear()
        return self.v


for label, op in (('l[i]', lambda l: l[Index(l, 1)]),
                  ('l[i] = v', lambda l: l.__setitem__(Index(l, 1), 'x')),
                  ('del l[i]', lambda l: l.__delitem__(Index(l, 1))),
                  ('l.pop(i)', lambda l: l.pop(Index(l, 1))),
                  ('l.insert(i)', lambda l: l.insert(Index(l, 5), 'x')),
                  ('l[a:b]', lambda l: l[1:Index(l, 5)]),
                  ('l[::s]', lambda l: l[::Index(l, 2)]),
                  ('l[a:b] = v', lambda l: l.__setitem__(slice(1, Index(l, 5)), ['x', 'y'])),
                  ('l[::s] = v', lambda l: l.__setitem__(slice(None, None, Index(l, 2)), [1, 2, 3, 4, 5])),
                  ('del l[a:b]', lambda l: l.__delitem__(slice(1, Index(l, 5)))),
                  ('del l[::s]', lambda l: l.__delitem__(slice(None, None, Index(l, 2)))),
                  ('l.index(x, a, b)', lambda l: l.index(7, 0, Index(l, 9))),
                  ('l * n', lambda l: l * Index(l, 2))):
    l = list(range(10))
    attempt('list ' + label, lambda: (op(l), l))

for label, op in (('b[i]', lambda b: b[Index(b, 1)]),
                  ('b[i] = v', lambda b: b.__setitem__(Index(b, 1), 65)),
                  ('b[i] = I()', lambda b: b.__setitem__(3, Index(b, 65))),
                  ('del b[i]', lambda b: b.__delitem__(Index(b, 1))),
                  ('b.pop(i)', lambda b: b.pop(Index(b, 1))),
                  ('b.insert(i)', lambda b: b.insert(Index(b, 5), 66)),
                  ('b.insert(v)', lambda b: b.insert(1, Index(b, 66))),
                  ('b.append(v)', lambda b: b.append(Index(b, 66))),
                  ('b[a:b]', lambda b: b[1:Index(b, 5)]),
                  ('b[::s]', lambda b: b[::Index(b, 2)]),
                  ('b[a:b] = v', lambda b: b.__setitem__(slice(1, Index(b, 5)), b'xy')),
                  ('del b[a:b]', lambda b: b.__delitem__(slice(1, Index(b, 5))))):
    b = bytearray(10)
    attempt('bytearray ' + label, lambda: (op(b), b))

# ---- heapq and bisect -------------------------------------------------------
import bisect
import heapq


class ClearsLt:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        H.clear()
        return self.v < other.v

    def __repr__(self):
        return 'C%d' % self.v


for label, op in (('heappush', lambda: heapq.heappush(H, ClearsLt(0))),
                  ('heappop', lambda: heapq.heappop(H)),
                  ('heapify', lambda: heapq.heapify(H)),
                  ('heapreplace', lambda: heapq.heapreplace(H, ClearsLt(5))),
                  ('heappushpop', lambda: heapq.heappushpop(H, ClearsLt(5))),
                  ('bisect', lambda: bisect.bisect(H, ClearsLt(2))),
                  ('insort', lambda: bisect.insort(H, ClearsLt(2)))):
    H = [ClearsLt(3), ClearsLt(1), ClearsLt(2)] if label == 'heapify' else [ClearsLt(1), ClearsLt(2), ClearsLt(3)]
    attempt(label, lambda: (op(), H))
attempt('heappop empty', lambda: heapq.heappop([]))
attempt('heapreplace empty', lambda: heapq.heapreplace([], 1))
attempt('heappush non-list', lambda: heapq.heappush((), 1))
attempt('heapify non-list', lambda: heapq.heapify(None))

# ---- deque (collections) ----------------------------------------------------
for label, op in (('in', lambda q: Clears() in q),
                  ('count', lambda q: q.count(Clears())),
                  ('index', lambda q: q.index(Clears())),
                  ('remove', lambda q: q.remove(Clears()))):
    q = clears_in(collections.deque)
    q.extend([Clears(), Clears(), Clears()])
    attempt('deque ' + label, lambda: (op(q), len(q)))
print('done')
