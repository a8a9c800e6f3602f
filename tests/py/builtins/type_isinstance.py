# type, isinstance, issubclass
class A: pass
class B(A): pass
b = B()
print(type(b) is B, type(b) == A, isinstance(b, A), isinstance(b, (int, A)), isinstance(b, B), isinstance(5, (str, (list, int))))
print(issubclass(B, A), issubclass(A, B), issubclass(B, B), issubclass(B, (int, object)), issubclass(bool, int), issubclass(int, float))
print(isinstance(True, int), isinstance(1, bool), isinstance([], object), isinstance(None, type(None)), isinstance(int, type))
try:
    isinstance(1, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
print(type(type), type(A), type(b).__mro__ == (B, A, object), type('x', (), {}).__name__)
