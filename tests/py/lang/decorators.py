# decorators on functions and classes
def trace(fn):
    def wrapper(*a, **k):
        print('call', fn.__name__, a)
        return fn(*a, **k)
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(1, 2))
def tag(name):
    def deco(fn):
        fn.tag = name
        return fn
    return deco
@tag('x')
@trace
def mul(a, b):
    return a * b
print(mul(3, 4), mul.tag)
order = []
def d1(f): order.append('d1'); return f
def d2(f): order.append('d2'); return f
@d1
@d2
def g(): pass
print(order)
registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
@register
class Thing:
    pass
print(registry, Thing.registered)
def singleton(cls):
    inst = cls()
    return lambda: inst
@singleton
class One: pass
print(One() is One())
class Deco:
    def __init__(self, f): self.f = f; self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.f(*a)
@Deco
def sq(x): return x * x
sq(2); print(sq(3), sq.calls)
@(lambda f: f)
def ident(): return 'expr decorator'
print(ident())
