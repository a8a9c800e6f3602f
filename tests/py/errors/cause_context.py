# __cause__ / __context__ / __suppress_context__ / __traceback__
try:
    try:
        {}['x']
    except KeyError as ke:
        raise ValueError('converted') from ke
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__, e.__traceback__ is not None)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        [][0]
except IndexError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError('t') from None
except TypeError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
e = Exception('fresh')
print(e.__cause__, e.__context__, e.__traceback__, e.__suppress_context__)
def nested():
    try:
        raise KeyError('a')
    finally:
        pass
try:
    try:
        nested()
    except KeyError:
        raise RuntimeError('b')
except RuntimeError as e:
    print(repr(e.__context__))
