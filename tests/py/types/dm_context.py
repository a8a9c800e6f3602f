# __enter__ / __exit__
class Res:
    def __init__(self): self.log = []
    def __enter__(self): self.log.append('enter'); return self
    def __exit__(self, exc_type, exc, tb):
        self.log.append(('exit', exc_type.__name__ if exc_type else None, str(exc) if exc else None, tb is not None))
        return isinstance(exc, KeyError)
r = Res()
with r:
    pass
with r:
    raise KeyError('suppressed')
try:
    with r:
        raise ValueError('kept')
except ValueError:
    pass
print(r.log)
class NoExit:
    def __enter__(self): return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
