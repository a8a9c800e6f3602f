# raise, raise from, bare raise
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise ValueError('msg', 2)
except ValueError as e:
    print(repr(e), e.args, str(e))
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError('wrapped') from e
except RuntimeError as e:
    print(repr(e), type(e.__cause__).__name__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError('during handling')
except KeyError as e:
    print(repr(e), e.__cause__, type(e.__context__).__name__)
try:
    try:
        raise TypeError('orig')
    except TypeError:
        raise
except TypeError as e:
    print('re-raised', e)
try:
    raise IndexError('x') from None
except IndexError as e:
    print(e.__cause__, e.__suppress_context__)
def reraiser():
    try:
        raise OSError('io')
    except OSError as err:
        saved = err
    raise saved
try:
    reraiser()
except OSError as e:
    print('saved', e)
try:
    raise 42
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
class MyErr(Exception):
    pass
try:
    raise MyErr('custom') from ValueError('cause')
except MyErr as e:
    print(repr(e), repr(e.__cause__))
