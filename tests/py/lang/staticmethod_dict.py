# staticmethod/classmethod copy the wrapped callable's attributes into their __dict__.
def f(): 'doc'
sm = staticmethod(f); print(sm.__dict__, sm.__wrapped__ is f)
cm = classmethod(f); print(cm.__dict__, cm.__wrapped__ is f)
print(staticmethod(None).__dict__, classmethod(len).__dict__)
sm = staticmethod(None)
sm.x = 42
print(sm.x, sm.__dict__)
