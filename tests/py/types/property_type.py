# property
class Temp:
    def __init__(self): self._c = 0
    @property
    def c(self):
        """celsius"""
        return self._c
    @c.setter
    def c(self, v):
        if v < -273: raise ValueError('too cold')
        self._c = v
    @c.deleter
    def c(self):
        print('deleting'); self._c = None
    @property
    def f(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.c = 100
print(t.c, t.f, Temp.c.__doc__, type(Temp.c).__name__)
try:
    t.c = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.f = 1
except AttributeError as e:
    print(type(e).__name__, e)
del t.c
print(t.c)
class P:
    def get(self): return 'got'
    x = property(get, doc='x doc')
print(P().x, P.x.__doc__, P.x.fget is P.get, P.x.fset)
