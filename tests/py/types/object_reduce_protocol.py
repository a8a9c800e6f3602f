# object.__reduce__/__reduce_ex__ as CPython's: a class's own __reduce__ wins, copyreg.__newobj__
# (__newobj_ex__ with keywords) from protocol 2, copyreg._reconstructor below; copy uses them.
import copy, pickle, copyreg
class A:
    def __init__(self): self.x = [1]
a = copy.copy(A()); print(a.x)
b = copy.deepcopy(A()); print(b.x)
class L(list): pass
l = L([1,2]); l.q = 3
c = copy.deepcopy(l); print(c, c.q, type(c).__name__)
r = A().__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1:3], r[3:])
print(A().__reduce__()[0] is copyreg._reconstructor)
class R:
    def __reduce__(self): return (R, ())
print(R().__reduce_ex__(4))
class N:
    def __getnewargs__(self): return (1, 2)
    def __new__(cls, *a): return object.__new__(cls)
print(N().__reduce_ex__(2)[1][1:])
class K:
    def __getnewargs_ex__(self): return ((1,), {'k': 2})
    def __new__(cls, *a, **k): return object.__new__(cls)
r = K().__reduce_ex__(2)
print(r[0] is copyreg.__newobj_ex__, r[1][1:])
import threading
try: copy.copy(threading.Lock())
except TypeError as e: print(e)
class D(dict): pass
d = D(a=1); d.z = 2
e = copy.deepcopy(d); print(e, e.z, type(e).__name__)
class S:
    __slots__ = ('p', 'q')
s = S(); s.p = 1
t = copy.copy(s); print(t.p, hasattr(t, 'q'))
