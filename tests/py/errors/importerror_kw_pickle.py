# ImportError: name/path survive pickle and copy (__reduce__ state); unknown
# keywords of ImportError, NameError, AttributeError get CPython's message.
import pickle, copy
for kw in ({}, {'name': 'n'}, {'path': 'p'}, {'name': 'n', 'path': 'p'}):
    e = ImportError('test', **kw)
    print(e.__reduce__())
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        x = pickle.loads(pickle.dumps(e, proto))
        assert (x.args, x.msg, x.name, x.path) == (e.args, e.msg, e.name, e.path), proto
    for c in copy.copy, copy.deepcopy:
        x = c(e)
        print(x.args, x.msg, x.name, x.path)
e = ImportError('a', 'b', name='n'); e.extra = 5
x = pickle.loads(pickle.dumps(e)); print(x.args, x.msg, x.name, x.extra)
for c, kw in ((ImportError, {'invalid': 1}), (ImportError, {'name': 'x', 'bad': 2}), (NameError, {'foo': 1}),
              (AttributeError, {'foo': 1}), (ModuleNotFoundError, {'zz': 1})):
    try: c('t', **kw)
    except TypeError as ex: print(ex)
print(NameError('m', name='n').name, AttributeError('m', name='a', obj=3).obj)
