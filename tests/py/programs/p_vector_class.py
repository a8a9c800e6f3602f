import math

class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vector({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"

    def __eq__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, Vector):
            return self.x * k.x + self.y * k.y
        return Vector(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __truediv__(self, k):
        return Vector(self.x / k, self.y / k)

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __bool__(self):
        return bool(self.x or self.y)

    def __iter__(self):
        yield self.x
        yield self.y

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __format__(self, spec):
        return "<" + ", ".join(format(c, spec) for c in self) + ">"

    def normalized(self):
        n = abs(self)
        if n == 0:
            raise ZeroDivisionError("cannot normalize zero vector")
        return self / n

a = Vector(3, 4)
b = Vector(1, -2)
print(a, repr(b))
print(a + b, a - b, a * 2, 3 * b, a * b, -a)
print(abs(a), bool(a), bool(Vector()))
print(a / 2, a.normalized())
print(f"{a:.3f}", f"{b:+d}", format(Vector(1.5, 2.25), "8.2f"))
x, y = a
print(x, y, a[0], a[-1], list(b), tuple(a + b))
print(a == Vector(3, 4), a != Vector(3, 4), a == (3, 4), a == 5)
print(len({a, Vector(3, 4), b, Vector(1, -2)}))
try:
    a.z = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Vector(0, 0).normalized()
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    a + 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(a < b)
except TypeError as e:
    print("TypeError:", e)
total = sum([Vector(1, 1), Vector(2, 2), Vector(3, 3)], Vector())
print(total)
pts = [Vector(1, 5), Vector(-3, 0), Vector(2, 2), Vector(0, -1)]
print(sorted(pts, key=abs))
print(max(pts, key=lambda v: v.y), min(pts, key=lambda v: (v.x, v.y)))
