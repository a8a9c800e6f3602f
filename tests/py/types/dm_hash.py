# __hash__
class P:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __repr__(self): return f'P{self.x, self.y}'
s = {P(1, 2), P(1, 2), P(3, 4)}
print(len(s), P(1, 2) in s, {P(0, 0): 'origin'}[P(0, 0)])
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
class Plain: pass
p = Plain()
print(hash(p) == hash(p), {p: 1}[p])
class Unhash:
    __hash__ = None
try:
    {Unhash()}
except TypeError as e:
    print(type(e).__name__, e)
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100), hash(1) == hash(1.0), hash((1, 'a')) == hash((1, 'a')))
try:
    hash([])
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash({})
except TypeError as e:
    print(type(e).__name__, e)
