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
