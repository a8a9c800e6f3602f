# functions and bound methods
def f(a, b=1):
    """doc of f"""
    return a + b
print(f.__name__, f.__qualname__, f.__doc__, f.__module__, f.__defaults__, callable(f), type(f).__name__)
class C:
    def m(self, x):
        return (self.v, x)
    def __init__(self): self.v = 'v'
c = C()
bm = c.m
print(bm(1), bm.__self__ is c, bm.__func__ is C.m, type(bm).__name__, bm.__name__, C.m(c, 2))
print(c.m == c.m, c.m is c.m)
g = f
g.custom = 'attr'
print(f.custom, f.__dict__)
def outer():
    def inner(): pass
    return inner
print(outer().__qualname__)
methods = [c.m, f]
print([m(5) for m in methods])
print(len.__name__, type(len).__name__, [].append.__name__, type([].append).__name__)
try:
    f.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
