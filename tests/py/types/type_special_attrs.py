# The special attributes of classes (__name__, __qualname__, __module__, __doc__): CPython's checks on builtin types, deletion and values.
def show(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
def st(o, n, v): setattr(o, n, v); return getattr(o, n)
def dl(o, n): delattr(o, n)
for name, v in [('__name__', 'x'), ('__qualname__', 'x'), ('__module__', 'x'), ('__doc__', 'x')]:
    show(lambda: st(int, name, v))
    show(lambda: dl(int, name))
class C: pass
for name, v in [('__name__', 'x'), ('__qualname__', 'x'), ('__module__', 'x'), ('__doc__', 'x'), ('__name__', 3), ('__qualname__', 3), ('__name__', 'a\x00b')]:
    show(lambda: st(C, name, v))
for name in ['__name__', '__qualname__', '__module__']:
    show(lambda: dl(C, name))
print(C.__name__, C.__qualname__, C.__module__, C.__doc__, C)
class E:
    "doc"
E.__module__ = 'elsewhere'
E.__doc__ = None
print(E, E.__doc__, E.__dict__['__module__'], int.__module__, type.__module__, type.__doc__.splitlines()[0])
