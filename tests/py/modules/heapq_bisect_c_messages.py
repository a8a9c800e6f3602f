# heapq and bisect as CPython's C modules _heapq/_bisect (found by tools/difffuzz.py):
# list checks, argument messages, IndexError 'index out of range', hi=-1, the
# comparisons a logging __lt__ sees; merge is lazy and stable, nsmallest/nlargest
# follow heapq.py.  And functools.reduce's C messages.
import heapq, bisect
calls = [
 'heapq.heappop([])', 'heapq.heappop(5)', 'heapq.heappop((1,))', 'heapq.heappush(5, 1)', 'heapq.heappush([], )',
 'heapq.heapreplace([], 1)', 'heapq.heapreplace((1,), 1)', 'heapq.heappushpop([], 1)', 'heapq.heappushpop(5, 1)',
 'heapq.heapify(5)', 'heapq.heapify((3,1))', 'heapq.heapify([3, "a"])', 'heapq.heappush([1], "a")',
 'list(heapq.merge([1], 5))', 'heapq.heappop([3, 1, 2])', 'heapq.heappushpop([1], 0)', 'heapq.heapreplace([5, 1], 0)',
 'bisect.bisect(5, 1)', 'bisect.bisect([], 1, -1)', 'bisect.bisect([1, 2], 1, 5)', 'bisect.insort(5, 1)',
 'bisect.bisect_left([1, "a"], 2)', 'bisect.bisect([1, 2], 1, hi=-5)', 'bisect.bisect_right([1,2,3], 2, 1, 2)',
 'bisect.insort((1, 2), 1)', 'bisect.bisect([1, 2], 1, lo=None)', 'bisect.bisect([3, 1, 2], 2, key=lambda x: -x)',
 'bisect.bisect([1], 1, 0, 1, 1)', 'heapq.heappop()', 'heapq.heappush([])', 'heapq.heapify()',
]
for c in calls:
    try:
        print(c, '->', eval(c))
    except Exception as e:
        print(c, '!', type(e).__name__, e)
calls2 = ['bisect.bisect([1, 2], 1, hi=-1)', 'bisect.bisect([1, 2], 1, hi=-5)', 'bisect.bisect([1, 2], 1, hi="x")',
 'bisect.bisect([1, 2], 1, hi=2**70)', 'bisect.bisect([1, 2], 1, lo=2**70)', 'bisect.bisect({1: 2}, 1)', 'bisect.bisect(x=1)',
 'bisect.bisect([1], 1, z=3)', 'bisect.bisect([1], 1, a=3)', 'bisect.bisect_left([1, 3], 2, key=abs)', 'bisect.insort_left([1, 3], 2, key=str)',
 'list(heapq.merge([3, 1], [2]))', 'list(heapq.merge([1, 3], [2, 4], key=lambda x: -x))', 'list(heapq.merge([3, 1], [4, 2], reverse=True))',
 'heapq.nsmallest(2, [5, 1, 4, 1], key=lambda x: x % 3)', 'heapq.nlargest(3, iter([5, 1, 4, 1, 9]))', 'heapq.nsmallest(1, [])',
 'heapq.nlargest(2, (x for x in "hello"))', 'heapq.heappush([], 1, 2)', 'heapq.heappush(heap=[], item=1)', 'heapq.heappop([], x=1)']
for c in calls2:
    try:
        print(c, '->', eval(c))
    except Exception as e:
        print(c, '!', type(e).__name__, e)
class L:
    log = []
    def __init__(self, v): self.v = v
    def __lt__(self, o): L.log.append((self.v, o.v)); return self.v < o.v
    def __repr__(self): return 'L(%r)' % self.v
h = []
for v in [5, 3, 8, 1, 9, 2]:
    heapq.heappush(h, L(v))
print(h, L.log)
L.log.clear(); print(heapq.heappop(h), h, L.log)
L.log.clear(); heapq.heapify(h); print(heapq.heapreplace(h, L(4)), heapq.heappushpop(h, L(0)), L.log)
import functools, operator
class Bad:
    def __iter__(self): raise KeyError('it')
class NotIt:
    def __iter__(self): return 5
for c in ['functools.reduce()', 'functools.reduce(max)', 'functools.reduce(max, 5)', 'functools.reduce(max, [1], 2, 3)',
          'functools.reduce(max, [])', 'functools.reduce(max, [], 7)', 'functools.reduce(operator.add, "abc")',
          'functools.reduce(function=max, iterable=[1])', 'functools.reduce(max, Bad())', 'functools.reduce(max, NotIt())',
          'functools.reduce(None, [1, 2])', 'functools.reduce(max, [3, 1, 4], -1)']:
    try:
        print(c, '->', eval(c))
    except Exception as e:
        print(c, '!', type(e).__name__, e)
