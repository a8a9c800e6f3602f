# object and type
o = object()
print(type(o).__name__, type(object), type(type), isinstance(type, object), isinstance(object, type))
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(type(1), type('s'), type([]), type(None), type(type(1)))
T = type('T', (), {'a': 1, 'm': lambda self: 'method'})
t = T()
print(T.__name__, t.a, t.m(), type(t) is T, T.__bases__)
U = type('U', (T,), {})
print(U().m(), issubclass(U, T), U.__mro__ == (U, T, object))
print(object.__name__, int.__name__, type.__name__, str.__mro__)
print(isinstance(3, (str, int)), isinstance([], list), issubclass(bool, (str, int)), issubclass(int, object))
print(object() == object(), o == o, o != o, hash(o) == hash(o))
class M:
    pass
print(M.__name__, M.__module__, M.__dict__.get('__module__'), '__init__' in dir(M), '__dict__' in dir(M))
