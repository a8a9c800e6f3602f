# sys.exc_info() inside a generator: once its own except clauses are left, the
# resumer's exception of that moment shows through, not the one of an earlier resume.
import sys
def g():
    try:
        raise ValueError
    except ValueError:
        yield 1
    print(sys.exc_info())
    yield 2
gen = g()
try:
    raise IndexError
except IndexError:
    print(next(gen))
print(next(gen))

def h():
    try:
        raise ValueError('v')
    except ValueError:
        pass
    yield repr(sys.exc_info()[1])
    try:
        raise KeyError('k')
    except KeyError:
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])
x = h()
try:
    raise IndexError('i')
except IndexError:
    print(next(x))
    print(next(x))
try:
    raise TypeError('t')
except TypeError:
    print(next(x))

def nested():
    try:
        raise ValueError('outer')
    except ValueError:
        try:
            raise KeyError('inner')
        except KeyError:
            yield repr(sys.exc_info()[1])
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])
n = nested()
print(next(n))
try:
    raise IndexError('resumer')
except IndexError:
    print(next(n))
    print(next(n))
