class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self): return f"V({self.x!r}, {self.y!r})"
    def __str__(self): return f"<{self.x},{self.y}>"
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x, self.y + o.y)
        if isinstance(o, int): return V(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return self + o
    def __iadd__(self, o):
        print("iadd")
        self.x += o.x; self.y += o.y
        return self
    def __sub__(self, o): return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    def __rmul__(self, k): return V(self.x * k * 10, self.y * k * 10)
    def __matmul__(self, o): return self.x * o.x + self.y * o.y
    def __truediv__(self, k): return V(self.x / k, self.y / k)
    def __floordiv__(self, k): return V(self.x // k, self.y // k)
    def __mod__(self, k): return V(self.x % k, self.y % k)
    def __pow__(self, k, m=None): return ("pow", k, m)
    def __rpow__(self, k): return ("rpow", k)
    def __divmod__(self, k): return ("divmod", k)
    def __rdivmod__(self, k): return ("rdivmod", k)
    def __lshift__(self, k): return ("lshift", k)
    def __rshift__(self, k): return ("rshift", k)
    def __and__(self, k): return ("and", k)
    def __or__(self, k): return ("or", k)
    def __xor__(self, k): return ("xor", k)
    def __rand__(self, k): return ("rand", k)
    def __ror__(self, k): return ("ror", k)
    def __rxor__(self, k): return ("rxor", k)
    def __rlshift__(self, k): return ("rlshift", k)
    def __rsub__(self, k): return ("rsub", k)
    def __rtruediv__(self, k): return ("rtruediv", k)
    def __rfloordiv__(self, k): return ("rfloordiv", k)
    def __rmod__(self, k): return ("rmod", k)
    def __rmatmul__(self, k): return ("rmatmul", k)
    def __neg__(self): return V(-self.x, -self.y)
    def __pos__(self): return "pos"
    def __invert__(self): return "invert"
    def __abs__(self): return (self.x**2 + self.y**2) ** 0.5
    def __eq__(self, o): return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __lt__(self, o): return abs(self) < abs(o)
    def __le__(self, o): return abs(self) <= abs(o)
    def __bool__(self): return bool(self.x or self.y)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __contains__(self, v): return v in (self.x, self.y)
    def __call__(self, *a, **k): return ("called", a, k)
    def __int__(self): return int(self.x)
    def __float__(self): return float(self.x)
    def __index__(self): return int(self.x)
    def __round__(self, n=None): return ("round", n)
    def __format__(self, spec): return f"V[{spec}]"

a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 3 * a, a @ b, b / 2, b // 2, b % 2)
print(repr(a + 1), 1 + a)
c = a
c += b
print(c, a, c is a)
print(a ** 2, pow(a, 2, 5), 2 ** a, divmod(a, 3), divmod(3, a))
print(a << 1, a >> 1, a & 1, a | 1, a ^ 1, 1 & a, 1 | a, 1 ^ a, 1 << a, 1 - a, 1 / a, 1 // a, 1 % a, 1 @ a if False else "")
print(-a, +a, ~a, abs(V(3, 4)))
print(a == V(4, 6), a != V(4, 6), a == 5, V(1, 1) < V(2, 2), V(1, 1) > V(2, 2), V(3, 3) >= V(2, 2))
print(hash(V(1, 2)) == hash((1, 2)), bool(V(0, 0)), bool(V(0, 1)), len(a))
print(a[0], a[-1], list(V(7, 8)), 7 in V(7, 8), 9 in V(7, 8), 9 not in V(7, 8))
print(a(1, 2, k=3), int(V(5.5, 0)), float(V(2, 0)), [10, 20, 30, 40, 50][V(3, 0)], round(a), round(a, 2))
print(format(a, "xyz"), f"{a:>10}", f"{a}", f"{a!r}", str(a), "%s %r" % (a, a))
print(bin(V(5, 0)), hex(V(255, 0)), oct(V(8, 0)))
if V(0, 0): print("truthy")
else: print("falsy")
print(sorted([V(3, 4), V(1, 0), V(2, 2)]))
print(max([V(3, 4), V(1, 0)]), min(V(3, 4), V(1, 0)))
print({V(1, 2): "x"}[V(1, 2)])

class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("eq", self.v, getattr(o, "v", o))
        return NotImplemented
    def __gt__(self, o):
        print("gt", self.v)
        return NotImplemented
print(Cmp(1) == Cmp(2))
print(Cmp(1) != Cmp(1))
c1 = Cmp(5)
print(c1 == c1)
try:
    Cmp(1) < Cmp(2)
except TypeError as e:
    print(e)

class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), 5 in Seq())
for x in Seq(): print(x, end=" ")
print()
it = iter(Seq())
print(next(it), next(it))

class Counter:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(Counter(3)), sum(Counter(4)), [x * 2 for x in Counter(3)], *Counter(2))

class D:
    def __init__(self): self.d = {}
    def __setitem__(self, k, v): print("set", k, v); self.d[k] = v
    def __getitem__(self, k): print("get", k); return self.d[k]
    def __delitem__(self, k): print("del", k); del self.d[k]
d = D()
d["a"] = 1
d["a"] += 5
print(d["a"])
del d["a"]
d[1, 2] = 3
d[(1, 2), "x"] = 4
print(d.d)

class NoLen:
    def __len__(self): return 0
print(bool(NoLen()), not NoLen())
class BadLen:
    def __len__(self): return -1
try: len(BadLen())
except ValueError as e: print(e)
class BadBool:
    def __bool__(self): return 1
try: bool(BadBool())
except TypeError as e: print(e)
class StrRet:
    def __str__(self): return 5
try: str(StrRet())
except TypeError as e: print(e)
class ReprRet:
    def __repr__(self): return None
try: repr(ReprRet())
except TypeError as e: print(e)

class Hashless:
    def __eq__(self, o): return True
print(Hashless.__hash__)
try: hash(Hashless())
except TypeError as e: print(e)
try: {Hashless(): 1}
except TypeError as e: print(e)
