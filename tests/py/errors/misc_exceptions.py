# other builtin exceptions in context
def gen():
    yield 1
g = gen(); next(g)
try:
    next(g)
except StopIteration as e:
    print(type(e).__name__, repr(e))
try:
    raise NotImplementedError('later')
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    raise KeyboardInterrupt
except BaseException as e:
    print(type(e).__name__, isinstance(e, Exception))
try:
    raise MemoryError
except MemoryError as e:
    print(type(e).__name__, repr(e))
try:
    raise TimeoutError('timed out')
except OSError as e:
    print(type(e).__name__, e)
try:
    import definitely_not_a_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    b'\xff'.decode('utf-8')
except UnicodeError as e:
    print(type(e).__name__, e.encoding, e.start, e.end, e.reason)
try:
    raise EOFError('eof')
except EOFError as e:
    print(type(e).__name__, e)
try:
    raise GeneratorExit
except GeneratorExit as e:
    print(type(e).__name__, isinstance(e, Exception))
try:
    import os
    os.remove('no/such/file/here')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
try:
    try:
        raise ValueError('in try')
    finally:
        print('finally during exception')
except ValueError as e:
    print('after finally', e)
try:
    try:
        raise ValueError('lost')
    finally:
        raise TypeError('from finally')
except TypeError as e:
    print(type(e).__name__, e, repr(e.__context__))
