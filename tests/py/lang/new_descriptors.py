# __new__ as a classmethod, a staticmethod or a plain function; bound method reprs.
class C(object):
    @classmethod
    def __new__(*args):
        return args
print(C(1, 2) == (C, C, 1, 2))
class D(C): pass
print(D(1, 2) == (D, D, 1, 2))
class S:
    @staticmethod
    def __new__(*args):
        return args
print(S(1, 2) == (S, 1, 2))
class E:
    def __new__(cls, a): return a
print(E(5))
import types
class MyCallable:
    def __call__(self, arg):
        pass
func = MyCallable()
method = types.MethodType(func, 7)
print(repr(method))
func.__name__ = "name"
print(repr(method))
func.__qualname__ = "qualname"
print(repr(method))
# a data descriptor without __get__ on the metaclass: the class's own attribute wins
class Descr(object):
    def __init__(self, name): self.name = name
    def __set__(self, obj, value): obj.__dict__[self.name] = value
class Meta(type): pass
class X(metaclass=Meta): pass
X.a = 42
Meta.a = Descr('a')
print(X.a)
x = type('Y', (), {'a': Descr('a')})()
x.a = 5
print(x.a)
