# Classes with __slots__, properties with setters, small objects made per step.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x; self.y = y
    @property
    def norm(self):
        return self.x * self.x + self.y * self.y
    def add(self, o):
        return P(self.x + o.x, self.y + o.y)
class Q:
    def __init__(self, a):
        self.a = a; self.b = a + 1; self.c = a + 2
    @property
    def s(self): return self.a + self.b + self.c
    @s.setter
    def s(self, v): self.a = v
t = 0
p = P(0, 0)
for i in range(400000):
    p = p.add(P(1, 2))
    t += p.norm % 7
    q = Q(i)
    q.s = 3
    t += q.s
print(t)
