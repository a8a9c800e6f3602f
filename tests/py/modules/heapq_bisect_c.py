# _heapq and _bisect in C under CPython's heapq.py and bisect.py: layouts, comparison order, keys, errors.
import heapq, bisect, _heapq, _bisect, random
random.seed(5)
data = [random.randrange(100) for _ in range(3000)]
h = list(data); heapq.heapify(h); print(h[:12], h[-5:])
h2 = []
for x in data[:200]: heapq.heappush(h2, x)
print(h2[:15], [heapq.heappop(h2) for _ in range(10)], heapq.heapreplace(h2, 50), heapq.heappushpop(h2, 1), heapq.heappushpop(h2, 99), h2[:8])
m = list(data[:50]); heapq._heapify_max(m); print(m[:10], heapq._heappop_max(m), heapq._heapreplace_max(m, 0), m[:6])
print(heapq.nsmallest(5, data), heapq.nlargest(3, data, key=lambda v: -v), list(heapq.merge([1, 4, 9], [2, 3, 10], [5])))
class L:
    log = []
    def __init__(self, v): self.v = v
    def __lt__(self, o): L.log.append((self.v, o.v)); return self.v < o.v
    def __repr__(self): return 'L%d' % self.v
hl = [L(v) for v in [5, 3, 8, 1, 9, 2]]; heapq.heapify(hl); heapq.heappush(hl, L(0)); heapq.heappop(hl); print(hl, L.log)
for f, a in [(heapq.heappush, (1, 2)), (heapq.heappop, ([],)), (heapq.heapify, ((1,),)), (heapq.heapreplace, ([], 1)), (heapq.heappushpop, (None, 1)), (heapq.heappop, ('x',)), (heapq.heappush, ([],)), (heapq.heapify, ([1], 2))]:
    try: f(*a)
    except Exception as e: print(f.__name__, type(e).__name__, e)
class Evil:
    def __lt__(self, o): hh.clear(); return True
hh = [Evil(), Evil(), Evil()]
try: heapq.heapify(hh)
except Exception as e: print(type(e).__name__, e)
print(heapq.heappushpop([], 5), heapq.heappushpop([3], 5))
a = sorted(data[:40])
print([bisect.bisect_left(a, v) for v in (0, 50, 99, 100)], [bisect.bisect_right(a, v) for v in (0, 50, 99, 100)], bisect.bisect(a, 50, 3, 20))
b = list(a); bisect.insort(b, 42); bisect.insort_left(b, 42); bisect.insort_right(b, 7, 0, 5); print(b[:12])
recs = [('a', 1), ('b', 5), ('c', 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]), bisect.bisect_right(recs, 5, key=lambda r: r[1]))
bisect.insort(recs, ('d', 6), key=lambda r: r[1]); print(recs)
class Seq:
    def __init__(self): self.d = [1, 3, 5]
    def __len__(self): return len(self.d)
    def __getitem__(self, i): return self.d[i]
    def insert(self, i, x): print('insert', i, x); self.d.insert(i, x)
s = Seq(); print(bisect.bisect(s, 4)); bisect.insort(s, 4)
print(bisect.bisect_left(a, 50, hi=-1), bisect.bisect_left(a, 50, 0, None), bisect.bisect_right(a, 1000, hi=10))
for f, a2, k in [(bisect.bisect_left, ([1,2], 1, -1), {}), (bisect.bisect, (None, 1), {}), (bisect.insort, ([1], 2, 0, 5), {}), (bisect.bisect_right, ([1], 1), {'lo': -1}), (bisect.bisect, ([1], 1, 'x'), {}), (bisect.bisect, ([1],), {}), (bisect.bisect, ([1], 1), {'foo': 1}), (bisect.bisect, ([1], 1, 0, 1, None), {})]:
    try: print(f(*a2, **k))
    except Exception as e: print(f.__name__, type(e).__name__, e)
print(bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right, heapq.heappush is _heapq.heappush, bisect.bisect_left is _bisect.bisect_left)
