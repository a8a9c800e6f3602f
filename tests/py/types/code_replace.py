# code.replace: CPython's keywords and checks; what gilpy can change takes effect.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def f(a, b=1, *args, c, **kw):
    x = a
    def g(): return x
    return g

c = f.__code__
print(c.co_varnames, c.co_cellvars, c.co_nlocals, c.co_names)
tests = {
 'name': lambda: c.replace(co_name='zz').co_name,
 'name-int': lambda: c.replace(co_name=1),
 'qualname': lambda: c.replace(co_qualname='a.b').co_qualname,
 'qualname-none': lambda: c.replace(co_qualname=None).co_qualname,
 'filename': lambda: c.replace(co_filename='x.py').co_filename,
 'firstlineno': lambda: c.replace(co_firstlineno=100).co_firstlineno,
 'fl-str': lambda: c.replace(co_firstlineno='1'),
 'nlocals': lambda: c.replace(co_nlocals=9),
 'nlocals0': lambda: c.replace(co_nlocals=0),
 'varnames-short': lambda: c.replace(co_varnames=('a',)),
 'varnames-list': lambda: c.replace(co_varnames=['a']),
 'varnames-rename': lambda: c.replace(co_varnames=('A', 'B', 'C', 'ARGS', 'KW', 'G')).co_varnames,
 'consts': lambda: c.replace(co_consts=(None, c.co_consts[1], 'extra')).co_consts[2],
 'consts-list': lambda: c.replace(co_consts=[1]),
 'argcount-big': lambda: c.replace(co_argcount=50),
 'argcount-neg': lambda: c.replace(co_argcount=-5),
 'posonly': lambda: c.replace(co_posonlyargcount=1).co_posonlyargcount,
 'kwonly-big': lambda: c.replace(co_kwonlyargcount=10),
 'positional': lambda: c.replace('x'),
 'unknown': lambda: c.replace(co_foo=1),
 'linetable': lambda: c.replace(co_linetable=1),
 'exctable': lambda: c.replace(co_exceptiontable='x'),
 'eq': lambda: c.replace() == c,
 'ne': lambda: c.replace(co_name='other') != c,
 'hash': lambda: hash(c.replace()) == hash(c),
 'same-obj': lambda: c.replace() is c,
 'set': lambda: len({c, c.replace(), f.__code__}),
}
for k, t in tests.items():
    print(k, end=' ')
    show(t)

# The copy runs, under its new names.
def h(p, q=2):
    return p + q
h.__code__ = h.__code__.replace(co_name='renamed', co_qualname='Q.renamed')
print(h(1), h.__name__, h.__qualname__, h.__code__.co_name, h.__code__.co_qualname)
def k():
    return 'consts', 1
k.__code__ = k.__code__.replace(co_consts=tuple('CONST' if v == 'consts' else v for v in k.__code__.co_consts))
print(k())
def err():
    raise ValueError('where')
err.__code__ = err.__code__.replace(co_firstlineno=err.__code__.co_firstlineno + 1000, co_filename='moved.py')
try:
    err()
except ValueError as e:
    tb = e.__traceback__.tb_next
    print(err.__code__.co_filename, tb.tb_lineno - err.__code__.co_firstlineno)
def names():
    return len
names.__code__ = names.__code__.replace(co_names=('abs',))
print(names()(-3))
def closure():
    y = 1
    def inner(): return y
    return inner
inner = closure()
for bad in [lambda: setattr(inner, '__code__', f.__code__), lambda: setattr(f, '__code__', inner.__code__),
            lambda: setattr(f, '__code__', 5), lambda: delattr(f, '__code__')]:
    show(bad)
print(inner.__code__.replace(co_freevars=('z',)).co_freevars)
