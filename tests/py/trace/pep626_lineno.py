# f_lineno of a frame an exception left (PEP 626 as in CPython 3.11): where
# the exception was raised, not where a handler's cleanup re-raised it.


def lines_after_raise(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__.tb_next
    out = []
    while t:
        fr = t.tb_frame
        out.append((fr.f_lineno - fr.f_code.co_firstlineno, t.tb_lineno - fr.f_code.co_firstlineno))
        t = t.tb_next
    print(f.__name__, out)


def simple():
    1/0
    pass

def in_except():
    try:
        1/0
    except:
        1/0
        pass

def other_except():
    try:
        1/0
    except TypeError as ex:
        pass

def two_other_excepts():
    try:
        1/0
    except TypeError:
        pass
    except KeyError as e:
        pass

def in_named_except():
    try:
        1/0
    except Exception as ex:
        1/0
        pass

def in_try():
    try:
        1/0
    finally:
        pass

def in_finally_normal():
    try:
        pass
    finally:
        1/0
        pass

def in_finally_except():
    try:
        1/0
    finally:
        1/0
        pass

class Noop:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        pass

class ExitFails:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        raise ValueError

def after_with():
    with Noop():
        1/0
        pass

def raise_in_exit():
    with ExitFails():
        1/0

def nested_calls():
    try:
        simple()
    except KeyError:
        pass

def reraise_named():
    try:
        1/0
    except ZeroDivisionError as e:
        raise

for f in (simple, in_except, other_except, two_other_excepts, in_named_except, in_try,
          in_finally_normal, in_finally_except, after_with, raise_in_exit, nested_calls,
          reraise_named):
    lines_after_raise(f)


# A code object whose location table has no line for any instruction.
def nolines():
    1/0
nolines.__code__ = nolines.__code__.replace(co_linetable=b'\xf8\xf8\xf8\xf9\xf8\xf8\xf8')
try:
    nolines()
except ZeroDivisionError as e:
    print('no lines:', e.__traceback__.tb_next.tb_frame.f_lineno)
