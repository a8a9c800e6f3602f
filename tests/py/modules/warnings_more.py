# warnings: filters, registry ("default" once per location), formatwarning, -W style options
import sys
import warnings
def record(fn):
    with warnings.catch_warnings(record=True) as log:
        fn()
    return [(w.category.__name__, str(w.message), w.lineno) for w in log]
def twice():
    for i in range(3):
        warnings.warn('loop')
print(record(twice))
def always():
    warnings.simplefilter('always')
    for i in range(2):
        warnings.warn('again', RuntimeWarning)
print(record(always))
def filtered():
    warnings.filterwarnings('ignore', message='skip')
    warnings.warn('skip me')
    warnings.warn('Skip me too')
    warnings.warn('keep me')
print(record(filtered))
def categories():
    warnings.simplefilter('ignore', UserWarning)
    warnings.warn('user')
    warnings.warn('future', FutureWarning)
    warnings.warn('dep', DeprecationWarning)
print(record(categories))
def inst():
    warnings.warn(RuntimeWarning('instance'))
print(record(inst))
def once():
    warnings.simplefilter('once')
    warnings.warn('same')
    warnings.warn('same')
print(record(once))
print(warnings.formatwarning('msg', UserWarning, 'file.py', 7, 'line of code  '))
print(repr(warnings.formatwarning('msg', DeprecationWarning, 'f.py', 1, '')))
try:
    warnings.warn('x', int)
except TypeError as e:
    print('TypeError', e)
with warnings.catch_warnings():
    warnings.simplefilter('error', DeprecationWarning)
    try:
        warnings.warn('boom', DeprecationWarning)
    except DeprecationWarning as e:
        print('raised', e)
print([f[0] for f in warnings.filters][:5], [f[2].__name__ for f in warnings.filters][:5])
seen = []
old = warnings.showwarning
warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: seen.append((str(message), category.__name__, lineno))
warnings.warn('custom hook')
warnings.showwarning = old
print(seen)
def lib():
    warnings.warn('from lib', stacklevel=2)
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    lib()
print(log[0].lineno, log[0].filename.endswith('warnings_more.py'), str(log[0]).startswith("{message : UserWarning('from lib')"))
warnings.warn('to stderr')
