# Found by tools/difffuzz.py and minimized by it (a random program of seed 64,
# generator of the time). CPython and gilpy then printed:
#   python: ! IndexError index out of range
#   gilpy:  ! IndexError pop from empty list
def show(*a):
    print(*[_r(x) for x in a])
def exc(e):
    print('!', type(e).__name__, e)
import math, collections, itertools, functools, operator, heapq, bisect
try:
    v15 = (+v15)
except Exception as e:
    v15 = set()
try:
    h = list(v15)
    show(heapq.heappop(h), h, heapq.nsmallest(2, h))
except Exception as e:
    exc(e)
