# arithmetic, reflected, in-place and unary operators
class N:
    def __init__(self, v): self.v = v
    def __repr__(self): return f'N({self.v})'
    def __add__(self, o): return N(self.v + (o.v if isinstance(o, N) else o))
    def __radd__(self, o): return N(o + self.v)
    def __sub__(self, o): return N(self.v - o)
    def __rsub__(self, o): return N(o - self.v)
    def __mul__(self, o): return N(self.v * o)
    def __rmul__(self, o): return N(o * self.v * 1000)
    def __truediv__(self, o): return N(self.v / o)
    def __floordiv__(self, o): return N(self.v // o)
    def __mod__(self, o): return N(self.v % o)
    def __pow__(self, o, m=None): return N(pow(self.v, o, m))
    def __rpow__(self, o): return N(o ** self.v)
    def __lshift__(self, o): return N(self.v << o)
    def __rshift__(self, o): return N(self.v >> o)
    def __and__(self, o): return N(self.v & o)
    def __or__(self, o): return N(self.v | o)
    def __xor__(self, o): return N(self.v ^ o)
    def __matmul__(self, o): return 'matmul'
    def __divmod__(self, o): return divmod(self.v, o)
    def __neg__(self): return N(-self.v)
    def __pos__(self): return N(+self.v)
    def __abs__(self): return N(abs(self.v))
    def __invert__(self): return N(~self.v)
    def __iadd__(self, o): self.v += o * 100; return self
n = N(7)
print(n + 1, 1 + n, n + N(1), n - 2, 10 - n, n * 3, 3 * n, n / 2, n // 2, n % 4, n ** 2, 2 ** n, pow(n, 2, 5))
print(n << 1, n >> 1, n & 3, n | 8, n ^ 1, n @ n, divmod(n, 2), -n, +n, abs(N(-3)), ~n)
m = n
m += 1
print(m, n, m is n)
m -= 1
print(m, n, m is n)
try:
    n @ 1 if False else 'x' - n
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] - 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    -'s'
except TypeError as e:
    print(type(e).__name__, e)
try:
    ~1.5
except TypeError as e:
    print(type(e).__name__, e)
class Sub(N):
    def __radd__(self, o): return 'Sub.radd wins'
print(N(1) + Sub(2))
