# list.sort is CPython's timsort comparison for comparison (found by tools/difffuzz.py):
# the same __lt__ calls in the same order (logged and hashed here, with runs,
# galloping and reverse=True), the same pair named by a TypeError, the same
# partial order left by a failed sort, the same answers with NaN and sets.
import random
class K:
    log = []
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        K.log.append((self.v, o.v))
        return self.v < o.v
    def __repr__(self): return 'K(%r)' % (self.v,)
r = random.Random(12345)
for trial in range(300):
    n = r.choice([0, 1, 2, 3, 5, 8, 13, 31, 32, 33, 64, 65, 100, 127, 200, 300, 700])
    kind = r.choice(['rand', 'sorted', 'rev', 'dups', 'runs', 'nan'])
    if kind == 'rand': vals = [r.randint(0, 1000) for _ in range(n)]
    elif kind == 'sorted': vals = sorted(r.randint(0, 1000) for _ in range(n))
    elif kind == 'rev': vals = sorted((r.randint(0, 1000) for _ in range(n)), reverse=True)
    elif kind == 'dups': vals = [r.randint(0, 5) for _ in range(n)]
    elif kind == 'runs':
        vals = []
        while len(vals) < n:
            run = sorted(r.randint(0, 1000) for _ in range(r.randint(1, 40)))
            vals += run if r.random() < 0.5 else run[::-1]
        vals = vals[:n]
    else: vals = [r.choice([float('nan'), r.random(), 1.0, 0.5]) for _ in range(n)]
    rev = r.random() < 0.3
    K.log = []
    items = [K(v) for v in vals]
    items.sort(reverse=rev)
    h = hash(tuple(K.log)) if kind != 'nan' else len(K.log)
    print(trial, n, kind, rev, len(K.log), h, [k.v for k in items][:8] if kind != 'nan' else [repr(k.v) for k in items][:8])
for lst in [[3, 1, 'a', 2], [5, 0.1, '{x}', 0j], [1, 2, None, 3, 'x'], [[], (), 1], list(range(40)) + ['z'] + list(range(20))]:
    l = list(lst)
    try:
        l.sort()
    except TypeError as e:
        print(e, l)
    l = list(lst)
    try:
        l.sort(reverse=True)
    except TypeError as e:
        print(e, l)
    try:
        sorted(lst, key=str, reverse=True)
        print(sorted(lst, key=str))
    except TypeError as e:
        print(e)
print(sorted([{1, 2}, {1}, {3}, {2, 3}, set()]), sorted([3, float('nan'), 1, 2, float('nan'), 0]))
