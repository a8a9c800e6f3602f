# Exceptions pickle as CPython reduces them: OSError file names in args, what was set on the instance in the state.
import pickle
for e in [OSError('foo', 'bar', 'baz'), OSError('foo', 'bar', 'baz', None, 'quux'), OSError(1, 'x'), OSError('a'),
          FileNotFoundError(2, 'No such file', 'p'), ValueError(1), KeyError('k'), SystemExit(3), StopIteration(5),
          ImportError('m', name='n', path='p'), UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad'), SyntaxError('m', ('f', 1, 2, 't', 1, 3))]:
    e.z = 2
    r = e.__reduce__()
    print(type(e).__name__, r[1], r[2] if len(r) > 2 else None)
    for p in range(6):
        n = pickle.loads(pickle.dumps(e, p))
        assert type(n) is type(e) and n.args == e.args and str(n) == str(e) and n.z == 2, (e, p)
    print(str(n), getattr(n, 'filename', None), getattr(n, 'errno', None))
e = ValueError(1); e.add_note('n'); print(e.__reduce__(), pickle.loads(pickle.dumps(e)).__notes__)
print(pickle.dumps(OSError('foo', 'bar', 'baz'), 2) == pickle.dumps(OSError('foo', 'bar', 'baz'), 2))
