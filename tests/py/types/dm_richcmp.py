# rich comparisons
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): print('eq', self.v, getattr(o, 'v', o)); return isinstance(o, V) and self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __gt__(self, o): return self.v > o.v
    def __ge__(self, o): return self.v >= o.v
    def __repr__(self): return f'V({self.v})'
a, b = V(1), V(2)
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(sorted([V(3), V(1), V(2)]), max(V(1), V(5)), min([V(4), V(2)]))
print(V(1) in [V(0), V(1)])
class OnlyLt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): print('lt', self.v, o.v); return self.v < o.v
print(OnlyLt(5) > OnlyLt(3))
class NE:
    def __eq__(self, o): return True
print(NE() != 1, NE() == 1)
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print(type(e).__name__, e)
class R:
    def __eq__(self, o): return 'truthy string'
print(R() == 1, [R()] == [1])
