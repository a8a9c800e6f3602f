# __init_subclass__ with keywords, __set_name__, __class_getitem__ and __orig_bases__ as in CPython 3.11.
def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        print('init_subclass', cls.__name__, tag, kw)
        super().__init_subclass__(**kw)
class A(Base, tag='a'): pass
show(lambda: type('B', (A,), {}, tag='b'))
show(lambda: type('B', (A,), {}, tag='b', other=1))
class P:
    @classmethod
    def __init_subclass__(cls, **kw): print('explicit classmethod', cls.__name__, kw)
class Q(P, x=1): pass
class Desc:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = name
class R:
    a = Desc()
    b = Desc()
    def __init_subclass__(cls): print('R.init_subclass', cls.__name__, [k for k in cls.__dict__ if not k.startswith('__')])
class R2(R):
    c = Desc()
def boom():
    class Bad:
        def __set_name__(self, o, n): raise ValueError('no')
    class T:
        x = Bad()
show(boom)
try: boom()
except RuntimeError as e: print(repr(e.__cause__))
class G:
    def __class_getitem__(cls, item): return (cls.__name__, item)
show(lambda: G[int])
show(lambda: G[int, str])
class G2(G): pass
show(lambda: G2['x'])
show(lambda: type(G.__dict__["__class_getitem__"]))
class H: pass
show(lambda: H[int])
import collections
class L(list[int]): pass
show(lambda: L.__orig_bases__)
show(lambda: L.__bases__)
class L2(list): pass
show(lambda: '__orig_bases__' in L2.__dict__)
class L3(L, dict[str, int] if False else object): pass
show(lambda: '__orig_bases__' in L3.__dict__)
class MRO:
    def __mro_entries__(self, bases): return (int,)
class I(MRO()): pass
show(lambda: (I.__bases__, [type(b).__name__ for b in I.__orig_bases__]))
show(lambda: type('T', (MRO(),), {}))
class N:
    def __init_subclass__(cls, **kw): raise TypeError('nope')
show(lambda: type('NN', (N,), {}))
class O: pass
show(lambda: type('OO', (O,), {}, k=1))
class SN:
    def __set_name__(self, owner, name): print('SN', name)
X = type('X', (), {'s': SN()})
class Y: pass
Y.late = SN()
print('no set_name on late assignment')
