# try / except / else / finally
def attempt(x):
    try:
        r = 10 // x
    except ZeroDivisionError:
        print('zero!')
        return None
    except (TypeError, ValueError) as e:
        print('bad type:', type(e).__name__)
        return None
    else:
        print('else', r)
        return r
    finally:
        print('finally', repr(x))
print(attempt(2))
print(attempt(0))
print(attempt('s'))
try:
    [][1]
except LookupError as e:
    print('caught base class', type(e).__name__, e)
try:
    {}['k']
except Exception as e:
    print('generic', type(e).__name__, e)
try:
    try:
        raise ValueError('inner')
    except TypeError:
        print('wrong handler')
except ValueError as e:
    print('outer got', e)
e = 'before'
try:
    raise KeyError('x')
except KeyError as e:
    pass
try:
    print(e)
except NameError as ne:
    print('name unbound after except:', ne)
try:
    pass
except Exception:
    print('no')
else:
    print('else without exception')
def ret_finally():
    try:
        return 'try'
    finally:
        print('finally before return')
print(ret_finally())
def override():
    try:
        return 1
    finally:
        return 2
print(override())
for i in range(3):
    try:
        if i == 1:
            continue
        print('body', i)
    finally:
        print('fin', i)
