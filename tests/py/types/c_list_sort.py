def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
data = [('b', 2), ('a', 2), ('c', 1), ('d', 3), ('e', 1)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data, reverse=True))
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
x = [3, 1, 2]; x.sort(reverse=True); print(x)
print(sorted([3.5, 1, 2.25, -1, True]), sorted('hello'), sorted({3: 1, 1: 2}), sorted((2, 1)))
t(lambda: sorted([1, 'a'])); t(lambda: sorted([1, 2], key=1)); t(lambda: sorted([1], lambda x: x))
class K:
    def __init__(s, v): s.v = v
    def __lt__(s, o): return s.v < o.v
    def __repr__(s): return 'K(%d)' % s.v
print(sorted([K(3), K(1), K(2)]), max([K(3), K(5)], key=lambda k: k.v))
import random
r = random.Random(5)
big = [r.randint(0, 50) for _ in range(200)]
s = sorted(big); print(s == sorted(big, reverse=True)[::-1], s[:10], s[-5:])
pairs = [(v % 7, i) for i, v in enumerate(big)]
st = sorted(pairs, key=lambda p: p[0])
print(all(st[i][1] < st[i + 1][1] for i in range(len(st) - 1) if st[i][0] == st[i + 1][0]))
st = sorted(pairs, key=lambda p: p[0], reverse=True)
print(all(st[i][1] < st[i + 1][1] for i in range(len(st) - 1) if st[i][0] == st[i + 1][0]))
l = [5, 4, 3]
def bad(v):
    l.append(1); return v
t(lambda: l.sort(key=bad))
print(sorted([[2, 1], [1, 2], [1]]), sorted([(1, 'b'), (1, 'a')]), sorted([], reverse=True))
print(sorted(range(10), key=lambda v: -v), sorted([0.1, -0.0, 0.0, -1e9]), sorted(['b', 'a'], key=None))
print(sorted(set([5, 3, 9])), list(reversed(sorted([2, 3, 1]))))
t(lambda: sorted())
t(lambda: [float('nan'), 1].sort())
