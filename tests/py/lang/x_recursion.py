import sys
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(900 < d <= 1000)
sys.setrecursionlimit(200)
print(sys.getrecursionlimit(), 150 < depth(0) <= 200)
sys.setrecursionlimit(5000)
def deep(n): return 0 if n == 0 else 1 + deep(n - 1)
print(deep(4000))
sys.setrecursionlimit(1000)
try: deep(5000)
except RecursionError as e: print("RecursionError:", e)
# recursion through __repr__, __getattr__, __eq__, generators, comprehensions, methods
class R:
    def __repr__(self): return repr(self)
try: repr(R())
except RecursionError as e: print("repr", e)
class GA:
    def __getattr__(self, n): return self.missing
try: GA().x
except RecursionError as e: print("getattr", e)
def gen(n):
    yield from gen(n + 1)
try: list(gen(0))
except RecursionError as e: print("gen", e)
class M:
    def m(self, n): return self.m(n + 1)
try: M().m(0)
except RecursionError as e: print("method", e)
f = lambda n: f(n + 1)
try: f(0)
except RecursionError as e: print("lambda", e)
def mutual_a(n): return mutual_b(n + 1)
def mutual_b(n): return mutual_a(n + 1)
try: mutual_a(0)
except RecursionError as e: print("mutual", e)
class Init:
    def __init__(self): Init()
try: Init()
except RecursionError as e: print("init", e)
def viamap(n): return list(map(viamap, [n]))
try: viamap(0)
except RecursionError as e: print("map", e)
def viasorted(n): return sorted([1, 2], key=lambda x: viasorted(n))
try: viasorted(0)
except RecursionError as e: print("sorted key", e)
# recover and keep working
print(deep(500))
try: sys.setrecursionlimit(0)
except ValueError as e: print(e)
try: sys.setrecursionlimit(-5)
except ValueError as e: print(e)
# deep nested data repr
nested = []
cur = nested
for _ in range(100):
    cur.append([])
    cur = cur[0]
print(len(repr(nested)))
# exception in deeply nested finally still unwinds
def fin(n):
    try:
        if n == 0: raise KeyError("bottom")
        return fin(n - 1)
    finally:
        pass
try: fin(300)
except KeyError as e: print("bottom reached", e)
