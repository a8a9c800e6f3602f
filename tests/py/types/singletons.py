# None, NotImplemented, Ellipsis
print(None, repr(None), type(None).__name__, None is None, bool(None), None == 0, str(None))
print(NotImplemented, type(NotImplemented).__name__, Ellipsis, ..., ... is Ellipsis, type(...).__name__)
class A:
    def __eq__(self, other):
        return NotImplemented
    def __add__(self, other):
        return NotImplemented
print(A() == A(), A() != 5)
try:
    A() + 1
except TypeError as e:
    print(type(e).__name__, e)
def f():
    pass
print(f(), f() is None)
x = ...
print(x, [..., None])
try:
    None.foo
except AttributeError as e:
    print(type(e).__name__, e)
try:
    n = None; n()
except TypeError as e:
    print(type(e).__name__, e)
