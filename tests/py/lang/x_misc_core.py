class A:
    def __init__(self): self.vals = [1, 2]
    x = 5
try:
    class B(bool): pass
except TypeError as e: print(e)
def outside(self): return super().x
try: outside(A())
except RuntimeError as e: print(e)
class S(A):
    def m(self): return super().x
    def bad(self): super().x = 1
    def bad2(self): return super().nosuch
print(S().m())
try: S().bad()
except AttributeError as e: print(e)
try: S().bad2()
except AttributeError as e: print(e)
try: super(S, 1)
except TypeError as e: print(e)
try: super(1, 1)
except TypeError as e: print(e)
print(repr(super(S, S())).startswith("<super: <class 'S'>, <S object>>"), super(S, S()).__self_class__ if hasattr(super(S, S()), "__self_class__") else "")
print(super(S, S()).__thisclass__ if hasattr(super(S, S()), "__thisclass__") else "")
o = S()
o.vals[0] += 10
o.vals[1] *= 3
print(o.vals)
ctr = 0
def once():
    global ctr
    ctr += 1
    return 5
print(1 < once() < 10, ctr)
# parenthesized with
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): print("enter", self.n); return self.n
    def __exit__(self, *a): print("exit", self.n); return 1
with (CM(1) as a,
      CM(2) as b):
    print(a, b)
    raise ValueError
print("suppressed by truthy 1")
with CM(3), CM(4) as z:
    pass
# exception in __enter__ of second item: first is exited
class Bad:
    def __enter__(self): raise KeyError("enter fail")
    def __exit__(self, *a): print("never")
try:
    with CM(5) as q, Bad():
        print("no")
except KeyError as e: print("caught", e)
# raise inside finally sets context
try:
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")
except TypeError as e: print(repr(e), repr(e.__context__))
# return in finally overrides exception from generator close
def gen_fin():
    try:
        yield 1
    finally:
        print("gen cleanup")
for v in gen_fin():
    print("got", v)
g = gen_fin(); next(g); g.close()
# generator throw with traceback-style (type, value)
def gg():
    try: yield
    except ValueError as e: yield f"caught {e!r}"
g = gg(); next(g); print(g.throw(ValueError, ValueError("v")))
# annotations
def ann(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool: pass
print(ann.__annotations__)
class AnnC:
    x: int
    y: str = "s"
    z: list[int] = []
print(AnnC.__annotations__, hasattr(AnnC, "x"), AnnC.y)
v: int = 5
w: float
print(__annotations__ if "__annotations__" in dir() else "", v)
try: w
except NameError as e: print(e)
# module attributes
print(__name__, __doc__, type(__builtins__).__name__ in ("module", "dict"))
# conditional function/class definitions
if True:
    def cond(): return "first"
else:
    def cond(): return "second"
print(cond())
# nested functions with same names, recursion of inner
def outer(n):
    def inner(k): return 1 if k == 0 else k * inner(k - 1)
    return inner(n)
print(outer(10))
# while/for else with break/continue combos
for i in range(3):
    if i == 5: break
else:
    print("for-else ran")
n = 0
while n < 3:
    n += 1
    if n == 2: continue
else:
    print("while-else ran", n)
for i in []:
    pass
else:
    print("empty for else")
while False: pass
else: print("while false else")
for i in range(3):
    try:
        if i == 1: break
    finally:
        print("finally", i)
else:
    print("not printed")
# nested loops break only inner
for i in range(3):
    for j in range(3):
        if j == 1: break
    else:
        print("inner else")
    if i == 1: continue
    print("outer", i)
# del in loops, mutating dict during iteration
d = {1: 1, 2: 2}
try:
    for k in d: d[k + 10] = 0
except RuntimeError as e: print(e)
s = {1, 2}
try:
    for k in s: s.add(k + 10)
except RuntimeError as e: print(e)
l = [1, 2, 3]
for x in l:
    if x == 1: l.remove(x)
print(l)
# pass, ellipsis body
def stub(): ...
class Empty: pass
print(stub(), Empty)
# assert with side effects & message eval lazily
def msg():
    print("msg evaluated")
    return "m"
assert True, msg()
try: assert 0, msg()
except AssertionError as e: print(e)
# global in nested class/func combos
counter = 0
class Cls:
    def inc(self):
        global counter
        counter += 1
Cls().inc(); Cls().inc(); print(counter)
# star-args with keyword-only and defaults interplay
def f(a, b=2, *rest, c=3, d, **kw): return a, b, rest, c, d, kw
print(f(1, d=4), f(1, 2, 3, 4, d=5, e=6), f(*[1, 2, 3], **{"d": 0, "c": 9}))
def po(a, b, /, c=3, *, d=4): return a, b, c, d
print(po(1, 2), po(1, 2, c=5, d=6), po(1, 2, 3))
def kwname(a, **kw): return a, kw
print(kwname(1, a2=2), kwname(a=1))
def po_kw(a, /, **kw): return a, kw
print(po_kw(1, a=2))
# keyword argument order preserved
def order(**kw): return list(kw)
print(order(z=1, a=2, m=3))
# int/str method binding
up = "abc".upper
print(up(), list(map(str.upper, ["x", "y"])), [].__class__, (1).__add__(2), "x".__len__())
