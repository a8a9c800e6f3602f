# __getattr__ / __setattr__ / __getattribute__ / __delattr__
class Dyn:
    def __init__(self): self.real = 'real'
    def __getattr__(self, name):
        if name.startswith('x'):
            return name.upper()
        raise AttributeError(f'no {name}')
d = Dyn()
print(d.real, d.xyz, getattr(d, 'x1'), hasattr(d, 'nope'), getattr(d, 'nope', 'default'))
try:
    d.nope
except AttributeError as e:
    print(type(e).__name__, e)
class Logged:
    def __setattr__(self, name, value):
        print('setattr', name, value)
        super().__setattr__(name, value * 2)
    def __delattr__(self, name):
        print('delattr', name)
        super().__delattr__(name)
l = Logged()
l.a = 5
print(l.a, l.__dict__)
del l.a
print(hasattr(l, 'a'))
class Counting:
    def __init__(self): object.__setattr__(self, 'hits', 0)
    def __getattribute__(self, name):
        if name != 'hits':
            object.__setattr__(self, 'hits', object.__getattribute__(self, 'hits') + 1)
        return object.__getattribute__(self, name)
    def m(self): return 'm'
c = Counting(); c.m(); c.m()
print(c.hits)
class Slots:
    __slots__ = ('a',)
s = Slots(); s.a = 1
try:
    s.b = 2
except AttributeError as e:
    print(type(e).__name__, e)
setattr(d, 'new', 1); print(d.new); delattr(d, 'new'); print(hasattr(d, 'new'))
try:
    getattr(d, 5)
except TypeError as e:
    print(type(e).__name__, e)
