# binascii, array, _csv, unicodedata: every function and method called with 0-5 arguments and a bad keyword
import binascii, array, _csv, unicodedata
class W:
    def write(self, s): return 0
recv = {'binascii': binascii, 'unicodedata': unicodedata, '_csv': _csv, 'array_mod': array,
        "array('i',[1,2])": array.array('i', [1, 2]), 'iter(array)': iter(array.array('i', [1])),
        'reader': _csv.reader(['a']), 'writer': _csv.writer(W()), 'Dialect()': _csv.Dialect()}
for name, obj in recv.items():
    for a in sorted(dir(obj)):
        if a in ('__class__', '__init_subclass__', '__subclasshook__', '__init__', '__new__', '__getattribute__',
                 '__setattr__', '__delattr__', '__reduce__', '__dir__', '__format__', '__getstate__', '__sizeof__',
                 '__mul__', '__rmul__', '__imul__'):
            continue
        v = getattr(obj, a)
        if isinstance(v, type) or type(v).__name__ not in ('builtin_function_or_method', 'method-wrapper', 'builtin_method'):
            continue
        for n in range(0, 6):
            try:
                v(*(['0'] * n))
                r = 'ok'
            except TypeError as e:
                r = str(e)
            except Exception as e:
                r = type(e).__name__
            print(name, a, n, r)
        try:
            v(__bogus__=1)
            r = 'ok'
        except TypeError as e:
            r = str(e)
        except Exception as e:
            r = type(e).__name__
        print(name, a, 'kw', r)
